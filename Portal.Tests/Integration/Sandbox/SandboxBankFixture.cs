using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Common;
using Portal.Domain.Rails;
using Portal.Rails;
using Portal.SandboxBank;

namespace Portal.Tests.Integration.Sandbox;

/// <summary>
/// The sandbox bank and the rail client in one real web app on 127.0.0.1, over a SQLite file of its own built by
/// migrations. Time is a <see cref="FakeTimeProvider"/> shared by bank and client, so tests can move it.
/// </summary>
public class SandboxBankFixture : IAsyncLifetime
{
    public const string Secret = "test-only-sandbox-bank-signing-secret-0123456789";
    public const string Pin = "123456";
    public const string MerchantAccount = "8800000000000001";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "portal-bank-" + Guid.NewGuid().ToString("N"));
    private int _nextAccount;
    private WebApplication? _app;

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http { get; } = new();

    public IServiceProvider Services => _app!.Services;

    public HttpPaymentRail Rail => Services.GetRequiredService<HttpPaymentRail>();

    public SandboxBankSeeder Seeder => Services.GetRequiredService<SandboxBankSeeder>();

    public MessageSigner Signer { get; } = new(Secret);

    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings() => [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ContentRootPath = _folder,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:SandboxBank"] = "Data Source=bank.db",
            ["SandboxBank:SigningSecret"] = Secret,
            ["SandboxBank:PinHashIterations"] = "1000",
            ["Rail:SigningSecret"] = Secret,
        });
        builder.Configuration.AddInMemoryCollection(Settings());
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.AddSandboxBank(_folder);
        builder.AddPaymentRail();
        builder.Services.AddSingleton<TimeProvider>(Time);

        _app = builder.Build();
        _app.MapSandboxBankEndpoints();
        await _app.Services.InitializeSandboxBankAsync(seedDemo: false);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address + "/");
        Http.BaseAddress = BaseAddress;

        await Seeder.OpenAccountAsync(MerchantAccount, "Demo Shop", BankAccountKind.Merchant, Money.Zero(Currency.CNY));
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    public async Task<string> OpenPayerAsync(decimal balance, BankAccountStatus status = BankAccountStatus.Open)
    {
        var number = $"6211{Interlocked.Increment(ref _nextAccount):D12}";
        await Seeder.OpenAccountAsync(number, "Test Payer", BankAccountKind.Payer, Money.Of(balance, Currency.CNY), Pin, status);
        return number;
    }

    public async Task<string> OpenMerchantAsync(decimal balance)
    {
        var number = $"8811{Interlocked.Increment(ref _nextAccount):D12}";
        await Seeder.OpenAccountAsync(number, "Test Shop", BankAccountKind.Merchant, Money.Of(balance, Currency.CNY));
        return number;
    }

    public static PaymentOrder Payment(string payer, decimal amount, string pin = Pin, string merchant = MerchantAccount) =>
        new(Guid.CreateVersion7(), AccountNumber.Parse(merchant), AccountNumber.Parse(payer), global::Portal.Domain.Common.Pin.Parse(pin),
            Money.Of(amount, Currency.CNY), "test order", DateTimeOffset.UnixEpoch);

    public async Task<BankAccount> AccountAsync(string number)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<SandboxBankDbContext>>().CreateDbContextAsync();
        return await db.Accounts.AsNoTracking().SingleAsync(a => a.Number == number);
    }

    public async Task<long> LedgerBalanceAsync(string? number = null)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<SandboxBankDbContext>>().CreateDbContextAsync();
        return await db.LedgerEntries.Where(e => number == null || e.AccountNumber == number).SumAsync(e => e.AmountMinorUnits);
    }

    /// <summary>A hand-signed request, to test what the bank does with what the rail client would never send.</summary>
    public async Task<HttpResponseMessage> SendSignedAsync(HttpMethod method, string path, string body, string nonce,
        DateTimeOffset? signedAt = null, string? sentBody = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = MessageSigner.FormatTimestamp(signedAt ?? Time.GetUtcNow());
        using var request = new HttpRequestMessage(method, path);
        if (method != HttpMethod.Get)
        {
            request.Content = new StringContent(sentBody ?? body, Encoding.UTF8, "application/json");
        }
        request.Headers.Add(MessageSigner.TimestampHeader, timestamp);
        request.Headers.Add(MessageSigner.NonceHeader, nonce);
        request.Headers.Add(MessageSigner.SignatureHeader,
            Signer.Sign(MessageScope.Request(method.Method, new Uri(Http.BaseAddress!, path).PathAndQuery), timestamp, nonce, bytes));
        return await Http.SendAsync(request);
    }

    public static string OrderJson(Guid orderId, string payer, string amount = "1.00", string pin = Pin) =>
        $$"""{"orderId":"{{orderId}}","kind":"Payment","payerAccount":"{{payer}}","merchantAccount":"{{MerchantAccount}}","pin":"{{pin}}","amount":"{{amount}}","currency":"CNY","reference":"hand made"}""";
}

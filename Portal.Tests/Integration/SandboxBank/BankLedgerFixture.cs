using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Common;
using Portal.SandboxBank;
using Portal.Tests.Infrastructure;
using Portal.Tests.Integration.Lists;

namespace Portal.Tests.Integration.SandboxBank;

/// <summary>
/// The sandbox bank's own services (no web host) over a SQLite file of its own built by its migrations, whose contexts
/// record every query they send (<see cref="RecordedCommands"/>). Time is a <see cref="FakeTimeProvider"/>: an entry
/// is posted at the instant a test sets (later than the last), by the bank's own code (an opening balance, a payout).
/// </summary>
public sealed class BankLedgerFixture : IAsyncLifetime
{
    private readonly string _folder = TestPaths.NewTempDirectory("bank-ledger");
    private IHost? _host;
    private int _nextAccount;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero));

    public RecordedCommands Recorded { get; } = new();

    public Bank Bank => _host!.Services.GetRequiredService<Bank>();

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "bank.db") }.ToString();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Testing",
            ContentRootPath = _folder,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{SandboxBankExtensions.ConnectionStringName}"] = ConnectionString,
            ["SandboxBank:SigningSecret"] = Sandbox.SandboxBankFixture.Secret,
            ["SandboxBank:PinHashIterations"] = "1000",
        });
        builder.AddSandboxBank(_folder);
        builder.Services.AddSingleton<TimeProvider>(Time);
        // Registered after the bank's pooled factory, so the bank's services take this one: the same file and
        // pragmas, and the recorder.
        builder.Services.AddSingleton<IDbContextFactory<SandboxBankDbContext>>(services =>
            new RecordingContexts(ConnectionString, services.GetRequiredService<SqlitePragmas>(), Recorded));
        _host = builder.Build();
        await _host.Services.InitializeSandboxBankAsync(seedDemo: false);
    }

    public Task DisposeAsync()
    {
        _host?.Dispose();
        SqliteConnection.ClearAllPools();
        TestPaths.TryDelete(_folder);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A midnight far enough after every instant posted so far that a test may post a month before it: the clock only
    /// moves forward, so each test takes its own stretch of it and posts in order.
    /// </summary>
    public DateTimeOffset NextFreeDay() => new DateTimeOffset(Time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(40);

    /// <summary>A merchant's account opened at <paramref name="at"/> holding <paramref name="balance"/> CNY: its first entry.</summary>
    public async Task<string> OpenMerchantAsync(DateTimeOffset at, decimal balance)
    {
        var number = "8831" + Interlocked.Increment(ref _nextAccount).ToString("D12", CultureInfo.InvariantCulture);
        Time.SetUtcNow(at);
        await _host!.Services.GetRequiredService<SandboxBankSeeder>()
            .OpenAccountAsync(number, "Ledger shop", BankAccountKind.Merchant, Money.Of(balance, Currency.CNY));
        return number;
    }

    /// <summary>A debit of <paramref name="amount"/> CNY on the account, posted at <paramref name="at"/>.</summary>
    public async Task PayOutAsync(string account, DateTimeOffset at, decimal amount = 1m)
    {
        Time.SetUtcNow(at);
        await _host!.Services.GetRequiredService<SandboxBankSeeder>().PayOutAsync(account, Money.Of(amount, Currency.CNY));
    }

    private sealed class RecordingContexts(string connectionString, SqlitePragmas pragmas, RecordedCommands recorded)
        : IDbContextFactory<SandboxBankDbContext>
    {
        public SandboxBankDbContext CreateDbContext() =>
            new(new DbContextOptionsBuilder<SandboxBankDbContext>()
                .UseSqlite(connectionString)
                .AddInterceptors(pragmas, recorded)
                .Options);
    }
}

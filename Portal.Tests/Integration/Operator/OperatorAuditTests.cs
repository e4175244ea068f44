using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Addresses;
using Portal.Audit;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Operator;
using Portal.Tests.Infrastructure;
using Portal.Tests.Integration.Accounts;

namespace Portal.Tests.Integration.Operator;

/// <summary>
/// The platform operator's audit log on the real app: sign-ins over real HTTP (with the client's address, never the
/// password), sign-outs, merchants created, and the log readable by the operator alone.
/// </summary>
public sealed class OperatorAuditTests(OperatorAuditTests.Fixture fixture) : IClassFixture<OperatorAuditTests.Fixture>
{
    private const string OperatorEmail = "operator@demo.test";

    [Fact]
    public async Task SignIn_Operator_IsRecordedWithTheClientAddress()
    {
        var before = await EntriesAsync(OperatorAuditActions.SignedIn);

        using var client = await StaffHttpClient.SignInAsync(fixture.App.BaseAddress, OperatorEmail);

        var entry = Assert.Single((await EntriesAsync(OperatorAuditActions.SignedIn)).ExceptBy(before.Select(e => e.Id), e => e.Id));
        Assert.Equal((OperatorEmail, "127.0.0.1", (Guid?)null), (entry.ActorName, entry.IpAddress, entry.MerchantId));
    }

    [Fact]
    public async Task SignIn_WrongPassword_IsRecordedWithoutThePassword()
    {
        const string guess = "Guessed!Secret-7731";
        var before = await EntriesAsync(OperatorAuditActions.SignInFailed);
        using var client = StaffHttpClient.Anonymous(fixture.App.BaseAddress);

        using var response = await StaffHttpClient.SubmitFormAsync(client, "Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = OperatorEmail,
            ["Input.Password"] = guess,
        });

        var entry = Assert.Single((await EntriesAsync(OperatorAuditActions.SignInFailed)).ExceptBy(before.Select(e => e.Id), e => e.Id));
        Assert.Equal("127.0.0.1", entry.IpAddress);
        Assert.DoesNotContain(guess, $"{entry.Summary} {entry.Details} {entry.TargetId} {entry.ActorName}", StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_Operator_IsRecorded()
    {
        using var client = await StaffHttpClient.SignInAsync(fixture.App.BaseAddress, OperatorEmail);
        var before = await EntriesAsync(OperatorAuditActions.SignedOut);
        // Any form of the signed-in session carries the antiforgery token the sign-out form posts.
        var fields = StaffHttpClient.HiddenFields(await client.GetStringAsync("Account/Manage"));
        fields["ReturnUrl"] = "";

        using var response = await client.PostAsync("Account/Logout", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = Assert.Single((await EntriesAsync(OperatorAuditActions.SignedOut)).ExceptBy(before.Select(e => e.Id), e => e.Id));
        Assert.Equal((OperatorEmail, "127.0.0.1"), (entry.ActorName, entry.IpAddress));
    }

    [Fact]
    public async Task CreateMerchant_ByOperator_IsRecordedWithTheMerchantAsTarget()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var onboarding = ActivatorUtilities.CreateInstance<MerchantOnboarding>(scope.ServiceProvider,
            new AccountsApp<OnSqlite>.SignedIn(await PrincipalAsync(OperatorEmail)));

        var created = await onboarding.CreateAsync(new NewMerchantModel
        {
            Name = $"Audited {suffix}",
            City = "Suzhou",
            CurrencyCode = "CNY",
            SettlementAccount = $"88000000{Random.Shared.NextInt64(10_000_000, 99_999_999)}",
            OwnerEmail = $"owner-{suffix}@shop.example",
        }, new PublicLinks(fixture.App.BaseAddress));

        var entry = Assert.Single(await EntriesAsync(OperatorAuditActions.MerchantOnboarded), e => e.TargetId == created.MerchantId.ToString());
        Assert.Equal((OperatorEmail, "Merchant", (Guid?)null), (entry.ActorName, entry.TargetType, entry.MerchantId));
        Assert.Contains($"Audited {suffix}", entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_Owner_IsRefused()
    {
        var queries = ActivatorUtilities.CreateInstance<OperatorAuditQueries>(fixture.App.Services,
            new AccountsApp<OnSqlite>.SignedIn(await PrincipalAsync("owner@demo.test")));

        await Assert.ThrowsAsync<ForbiddenException>(() => queries.ListAsync(null));
    }

    [Fact]
    public async Task ListAsync_PagedByCursor_NewestFirstWithoutGapsAndNoMerchantEntries()
    {
        using (await StaffHttpClient.SignInAsync(fixture.App.BaseAddress, OperatorEmail))
        using (await StaffHttpClient.SignInAsync(fixture.App.BaseAddress, OperatorEmail))
        using (await StaffHttpClient.SignInAsync(fixture.App.BaseAddress, "owner@demo.test"))
        {
        }
        var queries = ActivatorUtilities.CreateInstance<OperatorAuditQueries>(fixture.App.Services,
            new AccountsApp<OnSqlite>.SignedIn(await PrincipalAsync(OperatorEmail)));

        var rows = new List<OperatorAuditRow>();
        OperatorAuditCursor? cursor = null;
        do
        {
            var page = await queries.ListAsync(cursor, pageSize: 1);
            rows.AddRange(page.Rows);
            cursor = page.Older;
        }
        while (cursor is not null);

        var all = await EntriesAsync(null);
        Assert.Equal(all.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => e.Id), rows.Select(r => r.Id));
        Assert.All(rows, r => Assert.StartsWith(OperatorAuditActions.Prefix, r.Action, StringComparison.Ordinal));
    }

    private async Task<List<AuditEntry>> EntriesAsync(string? action)
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.MerchantId == null).ToListAsync();
        return entries.Where(e => action is null ? e.Action.StartsWith(OperatorAuditActions.Prefix, StringComparison.Ordinal) : e.Action == action)
            .ToList();
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(string email)
    {
        using var scope = fixture.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>();
        return await factory.CreateAsync(await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email));
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public PortalApp App { get; } = new();

        public Task InitializeAsync()
        {
            _ = App.BaseAddress;
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }
}

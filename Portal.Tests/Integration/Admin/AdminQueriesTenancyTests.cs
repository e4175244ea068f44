using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Portal.Admin;
using Portal.Admin.Links;
using Portal.Admin.Payments;
using Portal.Data;
using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;
using Portal.Identity;

namespace Portal.Tests.Integration.Admin;

/// <summary>Two merchants in one migrated SQLite file: each staff member's queries see their own merchant's rows only.</summary>
public sealed class AdminQueriesTenancyTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"portal-tenancy-{Guid.NewGuid():N}.db");
    private Contexts _contexts = default!;
    private Merchant _demo = default!;
    private Merchant _other = default!;
    private Payment _otherPayment = default!;
    private Checkout _otherCheckout = default!;

    public async Task InitializeAsync()
    {
        _contexts = new Contexts(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={_file}").Options);
        await using var db = _contexts.CreateDbContext();
        await db.Database.MigrateAsync();
        _demo = Merchant.Create("Demo Shop", "Shanghai", Currency.CNY, AccountNumber.Parse("8800000000000001"), Now);
        _other = Merchant.Create("Other Shop", "Beijing", Currency.CNY, AccountNumber.Parse("8800000000000002"), Now);
        db.Merchants.AddRange(_demo, _other);
        var demoCheckout = Checkout.Create(_demo, new CheckoutRequest(10m, "CNY", "Demo tea", Now.AddDays(1)), Now);
        _otherCheckout = Checkout.Create(_other, new CheckoutRequest(20m, "CNY", "Other tea", Now.AddDays(1)), Now);
        db.Checkouts.AddRange(demoCheckout, _otherCheckout);
        _otherPayment = _otherCheckout.StartPayment(PaymentMethod.RealTime, Now);
        db.Payments.AddRange(demoCheckout.StartPayment(PaymentMethod.RealTime, Now), _otherPayment);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task FindPayment_OtherMerchantsId_IsNotFound()
    {
        var payments = new PaymentQueries(_contexts, StaffOf(_demo));

        Assert.Null(await payments.FindAsync(_otherPayment.Id));
    }

    [Fact]
    public async Task FindPayment_OwnMerchantsId_IsFound()
    {
        var payments = new PaymentQueries(_contexts, StaffOf(_other));

        Assert.Equal("Other tea", (await payments.FindAsync(_otherPayment.Id))?.CheckoutDescription);
    }

    [Fact]
    public async Task ListPayments_TwoMerchants_ShowsOnlyOwn()
    {
        var payments = new PaymentQueries(_contexts, StaffOf(_demo));

        var page = await payments.ListAsync(new PaymentListQuery());

        Assert.Equal(1, page.TotalCount);
        Assert.DoesNotContain(page.Rows, r => r.Id == _otherPayment.Id);
    }

    [Fact]
    public async Task FindLink_OtherMerchantsId_IsNotFound()
    {
        var links = new LinkQueries(_contexts, StaffOf(_demo), TimeProvider.System);

        Assert.Null(await links.FindAsync(_otherCheckout.Id));
    }

    [Fact]
    public async Task ListLinks_TwoMerchants_ShowsOnlyOwn()
    {
        var links = new LinkQueries(_contexts, StaffOf(_demo), TimeProvider.System);

        var page = await links.ListAsync(0);

        Assert.Equal("Demo tea", Assert.Single(page.Rows).Description);
    }

    private static CurrentStaff StaffOf(Merchant merchant) => new(new SignedIn(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "user-1"),
            new Claim(ClaimTypes.Email, "staff@demo.test"),
            new Claim(ClaimTypes.Role, nameof(StaffRole.Viewer)),
            new Claim(PortalClaims.MerchantId, merchant.Id.ToString()),
        ], "Test"))));

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }

    private sealed class Contexts(DbContextOptions<SqlitePortalDbContext> options) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => new SqlitePortalDbContext(options);
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Portal.Admin;
using Portal.Admin.Refunds;
using Portal.Data;
using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;
using Portal.Domain.Rails;
using Portal.Domain.Refunds;
using Portal.Identity;

namespace Portal.Tests.Integration.Admin;

/// <summary>
/// Refunds of two merchants in one migrated SQLite file, made by the domain itself: each staff member's refund queries
/// see their own merchant's refunds only, and filter in the database.
/// </summary>
public sealed class RefundQueriesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"portal-refunds-{Guid.NewGuid():N}.db");
    private Contexts _contexts = default!;
    private Merchant _demo = default!;
    private Merchant _other = default!;
    private Payment _demoPayment = default!;
    private Payment _otherPayment = default!;
    private Refund _pending = default!;
    private Refund _small = default!;
    private Refund _othersRefund = default!;

    public async Task InitializeAsync()
    {
        _contexts = new Contexts(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={_file}").Options);
        await using var db = _contexts.CreateDbContext();
        await db.Database.MigrateAsync();
        _demo = Merchant.Create("Demo Shop", "Shanghai", Currency.CNY, AccountNumber.Parse("8800000000000001"), Now);
        _other = Merchant.Create("Other Shop", "Beijing", Currency.CNY, AccountNumber.Parse("8800000000000002"), Now);
        db.Merchants.AddRange(_demo, _other);
        (_demoPayment, var demoCheckout) = SucceededPayment(_demo, 2_000m);
        (_otherPayment, var otherCheckout) = SucceededPayment(_other, 2_000m);
        db.Checkouts.AddRange(demoCheckout, otherCheckout);
        db.Payments.AddRange(_demoPayment, _otherPayment);
        // Above the default threshold (CNY 1,000.00): waits for a second approver. At or below: approved at once.
        _pending = _demoPayment.RequestRefund(_demo, Manager(_demo), Money.Of(1_200m, "CNY"), RefundReason.Returned, null, "k1", Now.AddDays(-3));
        _small = _demoPayment.RequestRefund(_demo, Manager(_demo), Money.Of(100m, "CNY"), RefundReason.Duplicate, null, "k2", Now);
        _othersRefund = _otherPayment.RequestRefund(_other, Manager(_other), Money.Of(1_500m, "CNY"), RefundReason.Returned, null, "k3", Now);
        db.Refunds.AddRange(_pending, _small, _othersRefund);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task List_TwoMerchants_ShowsOnlyOwn()
    {
        var list = await Queries(_demo, "viewer-1", StaffRole.Viewer).ListAsync(new RefundListQuery());

        Assert.Equal(2, list.TotalCount);
        Assert.DoesNotContain(list.Rows, r => r.Id == _othersRefund.Id);
    }

    [Fact]
    public async Task List_StatusFilter_KeepsOnlyThatStatus()
    {
        var list = await Queries(_demo, "viewer-1", StaffRole.Viewer).ListAsync(new RefundListQuery(Status: RefundStatus.PendingApproval));

        Assert.Equal(_pending.Id, Assert.Single(list.Rows).Id);
    }

    [Fact]
    public async Task List_DayRange_KeepsOnlyThoseRequestedWithin()
    {
        var today = DateOnly.FromDateTime(Now.ToLocalTime().DateTime);

        var list = await Queries(_demo, "viewer-1", StaffRole.Viewer).ListAsync(new RefundListQuery(From: today, To: today));

        Assert.Equal(_small.Id, Assert.Single(list.Rows).Id);
    }

    [Fact]
    public async Task ForPayment_OtherMerchantsPayment_IsNull()
    {
        Assert.Null(await Queries(_demo, "owner-1", StaffRole.Owner).ForPaymentAsync(_otherPayment.Id));
    }

    [Fact]
    public async Task ForPayment_OwnPayment_ShowsWhatIsLeftAfterHeldRefunds()
    {
        var refunds = await Queries(_demo, "owner-1", StaffRole.Owner).ForPaymentAsync(_demoPayment.Id);

        Assert.NotNull(refunds);
        Assert.Equal(Money.Of(700m, "CNY"), refunds.Refundable);
        Assert.Equal(2, refunds.Refunds.Count);
    }

    [Fact]
    public async Task ForPayment_Requester_MayNotDecideOwnRefund()
    {
        var refunds = await Queries(_demo, "manager-1", StaffRole.Manager).ForPaymentAsync(_demoPayment.Id);

        var pending = refunds!.Refunds.Single(r => r.Id == _pending.Id);
        Assert.True(pending.IsOwnRequest);
        Assert.False(pending.CanDecide);
    }

    [Fact]
    public async Task ForPayment_SecondManagerOrOwner_MayDecide()
    {
        var refunds = await Queries(_demo, "owner-1", StaffRole.Owner).ForPaymentAsync(_demoPayment.Id);

        Assert.True(refunds!.Refunds.Single(r => r.Id == _pending.Id).CanDecide);
    }

    [Fact]
    public async Task CountPendingApproval_TwoMerchants_CountsOnlyOwn()
    {
        Assert.Equal(1, await Queries(_demo, "viewer-1", StaffRole.Viewer).CountPendingApprovalAsync());
    }

    private static (Payment Payment, Checkout Checkout) SucceededPayment(Merchant merchant, decimal amount)
    {
        var start = Now.AddDays(-5);
        var checkout = Checkout.Create(merchant, new CheckoutRequest(amount, "CNY", "Tea set", start.AddDays(1)), start);
        var payment = checkout.StartPayment(PaymentMethod.RealTime, start);
        payment.EnterDetails(AccountNumber.Parse("6200000000000001"), $"pay-{merchant.Id:N}", start.AddSeconds(1));
        payment.CreateOrder(start.AddSeconds(2));
        payment.MarkSent(start.AddSeconds(3));
        payment.RecordRailResult(new RailResult(payment.OrderId, RailOrderStatus.Settled, null, start.AddSeconds(4), start.AddSeconds(5), "R-1"),
            start.AddSeconds(6));
        return (payment, checkout);
    }

    private static StaffActor Manager(Merchant merchant) => new(merchant.Id, "manager-1", "Marco Manager", StaffRole.Manager);

    private RefundQueries Queries(Merchant merchant, string userId, StaffRole role) => new(_contexts, new CurrentStaff(new SignedIn(
        new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, userId),
            new Claim(ClaimTypes.Email, $"{userId}@demo.test"),
            new Claim(ClaimTypes.Role, role.ToString()),
            new Claim(PortalClaims.MerchantId, merchant.Id.ToString()),
        ], "Test")))));

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }

    private sealed class Contexts(DbContextOptions<SqlitePortalDbContext> options) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => new SqlitePortalDbContext(options);
    }
}

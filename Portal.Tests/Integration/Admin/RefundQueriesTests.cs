using Portal.Admin.Refunds;
using Portal.Data;
using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;
using Portal.Domain.Rails;
using Portal.Domain.Refunds;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Admin;

/// <summary>
/// Refunds of two merchants in one migrated database, made by the domain itself: each staff member's refund queries
/// see their own merchant's refunds only, and filter in the database.
/// </summary>
public abstract class RefundQueriesTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private AdminDatabase _database = default!;
    private Payment _demoPayment = default!;
    private Payment _otherPayment = default!;
    private Refund _pending = default!;
    private Refund _small = default!;
    private Refund _othersRefund = default!;

    private Merchant Demo => _database.Demo;

    private Merchant Other => _database.Other;

    public async Task InitializeAsync()
    {
        _database = await AdminDatabase.CreateAsync(provider);
        await using var db = _database.CreateDbContext();
        (_demoPayment, var demoCheckout) = SucceededPayment(Demo, 2_000m);
        (_otherPayment, var otherCheckout) = SucceededPayment(Other, 2_000m);
        db.Checkouts.AddRange(demoCheckout, otherCheckout);
        db.Payments.AddRange(_demoPayment, _otherPayment);
        // Above the default threshold (CNY 1,000.00): waits for a second approver. At or below: approved at once. The
        // small one is asked for first, as a payment's refunds count together.
        _small = _demoPayment.RequestRefund(Demo, Manager(Demo), Money.Of(100m, "CNY"), RefundReason.Duplicate, null, "k2", Now);
        _pending = _demoPayment.RequestRefund(Demo, Manager(Demo), Money.Of(1_200m, "CNY"), RefundReason.Returned, null, "k1", Now.AddDays(-3));
        _othersRefund = _otherPayment.RequestRefund(Other, Manager(Other), Money.Of(1_500m, "CNY"), RefundReason.Returned, null, "k3", Now);
        db.Refunds.AddRange(_pending, _small, _othersRefund);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task List_TwoMerchants_ShowsOnlyOwn()
    {
        var list = await Queries(Demo, "viewer-1", StaffRole.Viewer).ListAsync(new RefundListQuery());

        Assert.Equal(2, list.Count.Value);
        Assert.DoesNotContain(list.Rows, r => r.Id == _othersRefund.Id);
    }

    [Fact]
    public async Task List_StatusFilter_KeepsOnlyThatStatus()
    {
        var list = await Queries(Demo, "viewer-1", StaffRole.Viewer).ListAsync(new RefundListQuery(Status: RefundStatus.PendingApproval));

        Assert.Equal(_pending.Id, Assert.Single(list.Rows).Id);
    }

    [Fact]
    public async Task List_DayRange_KeepsOnlyThoseRequestedWithin()
    {
        var today = DateOnly.FromDateTime(Now.ToLocalTime().DateTime);

        var list = await Queries(Demo, "viewer-1", StaffRole.Viewer).ListAsync(new RefundListQuery(From: today, To: today));

        Assert.Equal(_small.Id, Assert.Single(list.Rows).Id);
    }

    [Fact]
    public async Task ForPayment_OtherMerchantsPayment_IsNull()
    {
        Assert.Null(await Queries(Demo, "owner-1", StaffRole.Owner).ForPaymentAsync(_otherPayment.Id));
    }

    [Fact]
    public async Task ForPayment_OwnPayment_ShowsWhatIsLeftAfterHeldRefunds()
    {
        var refunds = await Queries(Demo, "owner-1", StaffRole.Owner).ForPaymentAsync(_demoPayment.Id);

        Assert.NotNull(refunds);
        Assert.Equal(Money.Of(700m, "CNY"), refunds.Refundable);
        Assert.Equal(2, refunds.Refunds.Count);
    }

    [Fact]
    public async Task ForPayment_Requester_MayNotDecideOwnRefund()
    {
        var refunds = await Queries(Demo, "manager-1", StaffRole.Manager).ForPaymentAsync(_demoPayment.Id);

        var pending = refunds!.Refunds.Single(r => r.Id == _pending.Id);
        Assert.True(pending.IsOwnRequest);
        Assert.False(pending.CanDecide);
    }

    [Fact]
    public async Task ForPayment_SecondManagerOrOwner_MayDecide()
    {
        var refunds = await Queries(Demo, "owner-1", StaffRole.Owner).ForPaymentAsync(_demoPayment.Id);

        Assert.True(refunds!.Refunds.Single(r => r.Id == _pending.Id).CanDecide);
    }

    [Fact]
    public async Task CountPendingApproval_TwoMerchants_CountsOnlyOwn()
    {
        Assert.Equal(1, await Queries(Demo, "viewer-1", StaffRole.Viewer).CountPendingApprovalAsync());
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

    private RefundQueries Queries(Merchant merchant, string userId, StaffRole role) =>
        new(_database, AdminDatabase.StaffOf(merchant, role, userId));
}

public sealed class RefundQueriesOnSqliteTests() : RefundQueriesTests(DatabaseProvider.Sqlite);

public sealed class RefundQueriesOnPostgresTests() : RefundQueriesTests(DatabaseProvider.Postgres);

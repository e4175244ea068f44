using Portal.Admin.Links;
using Portal.Admin.Payments;
using Portal.Data;
using Portal.Domain.Checkouts;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Admin;

/// <summary>Two merchants in one migrated database: each staff member's queries see their own merchant's rows only.</summary>
public abstract class AdminQueriesTenancyTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private AdminDatabase _database = default!;
    private Payment _otherPayment = default!;
    private Checkout _otherCheckout = default!;

    private Merchant Demo => _database.Demo;

    private Merchant Other => _database.Other;

    public async Task InitializeAsync()
    {
        _database = await AdminDatabase.CreateAsync(provider);
        await using var db = _database.CreateDbContext();
        var demoCheckout = Checkout.Create(Demo, new CheckoutRequest(10m, "CNY", "Demo tea", Now.AddDays(1)), Now);
        _otherCheckout = Checkout.Create(Other, new CheckoutRequest(20m, "CNY", "Other tea", Now.AddDays(1)), Now);
        db.Checkouts.AddRange(demoCheckout, _otherCheckout);
        _otherPayment = _otherCheckout.StartPayment(PaymentMethod.RealTime, Now);
        db.Payments.AddRange(demoCheckout.StartPayment(PaymentMethod.RealTime, Now), _otherPayment);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task FindPayment_OtherMerchantsId_IsNotFound()
    {
        var payments = new PaymentQueries(_database, AdminDatabase.StaffOf(Demo));

        Assert.Null(await payments.FindAsync(_otherPayment.Id));
    }

    [Fact]
    public async Task FindPayment_OwnMerchantsId_IsFound()
    {
        var payments = new PaymentQueries(_database, AdminDatabase.StaffOf(Other));

        Assert.Equal("Other tea", (await payments.FindAsync(_otherPayment.Id))?.CheckoutDescription);
    }

    [Fact]
    public async Task ListPayments_TwoMerchants_ShowsOnlyOwn()
    {
        var payments = new PaymentQueries(_database, AdminDatabase.StaffOf(Demo));

        var page = await payments.ListAsync(new PaymentListQuery());

        Assert.Equal(1, page.Count.Value);
        Assert.DoesNotContain(page.Rows, r => r.Id == _otherPayment.Id);
    }

    [Fact]
    public async Task FindLink_OtherMerchantsId_IsNotFound()
    {
        var links = new LinkQueries(_database, AdminDatabase.StaffOf(Demo), TimeProvider.System);

        Assert.Null(await links.FindAsync(_otherCheckout.Id));
    }

    [Fact]
    public async Task ListLinks_TwoMerchants_ShowsOnlyOwn()
    {
        var links = new LinkQueries(_database, AdminDatabase.StaffOf(Demo), TimeProvider.System);

        var page = await links.ListAsync();

        Assert.Equal("Demo tea", Assert.Single(page.Rows).Description);
    }
}

public sealed class AdminQueriesTenancyOnSqliteTests() : AdminQueriesTenancyTests(DatabaseProvider.Sqlite);

public sealed class AdminQueriesTenancyOnPostgresTests() : AdminQueriesTenancyTests(DatabaseProvider.Postgres);

using Microsoft.Playwright;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// Four eyes on large refunds, with two staff members in two browsers. The demo merchant's threshold is its default
/// (CNY 1,000.00); its settlement account only holds what these tests' payments put there, so each test pays first.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RefundApprovalTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task FourEyes_OwnerApprovesManagersRefund_ManagersPageShowsSucceededLive()
    {
        var paymentId = await PayAsCustomerAsync(1_500.00m);
        await using var managerContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        await using var ownerContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var manager = await SignInAsync(managerContext, "manager@demo.test");
        await manager.OpenPaymentAsync(paymentId);
        await manager.RequestAsync("1200.00", "Goods returned");
        var managersCard = manager.Card("CNY 1,200.00");
        await Expect(managersCard).ToHaveAttributeAsync("data-status", "PendingApproval");

        var owner = await SignInAsync(ownerContext, "owner@demo.test");
        await owner.OpenApprovalsAsync();
        var ownersCard = owner.Card("CNY 1,200.00");
        await owner.ApproveButton(ownersCard).ClickAsync();

        await Expect(managersCard).ToHaveAttributeAsync("data-status", "Succeeded");
        await Expect(manager.Refundable).ToHaveTextAsync("CNY 300.00");
        await Expect(ownersCard).ToHaveCountAsync(0);
        await manager.Page.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Artifacts, "admin-refund-approved-1280x800.png"), FullPage = true });
    }

    [Fact]
    public async Task FourEyes_Requester_CannotApproveOwnRefund()
    {
        var paymentId = await PayAsCustomerAsync(1_100.00m);
        await using var managerContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var manager = await SignInAsync(managerContext, "manager@demo.test");
        await manager.OpenPaymentAsync(paymentId);
        await manager.RequestAsync("1050.00", "Other", "Wrong size sent twice");

        var card = manager.Card("CNY 1,050.00");
        await Expect(card.GetByText("Waiting for a second approver")).ToBeVisibleAsync();
        await Expect(manager.ApproveButton(card)).ToHaveCountAsync(0);
        await manager.OpenApprovalsAsync();
        var queued = manager.Card("CNY 1,050.00");
        await Expect(queued.GetByText("Waiting for a second approver")).ToBeVisibleAsync();
        await Expect(manager.ApproveButton(queued)).ToHaveCountAsync(0);
    }

    private async Task<RefundPageObject> SignInAsync(IBrowserContext context, string email)
    {
        var admin = new AdminPageObject(await context.NewPageAsync());
        await admin.SignInAsync(email);
        return new RefundPageObject(admin);
    }

    // A customer pays a new Demo Shop checkout in their own browser; returns the payment's id.
    private async Task<Guid> PayAsCustomerAsync(decimal amount)
    {
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, amount);
        await using var customerContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var customer = new CheckoutPageObject(await customerContext.NewPageAsync());
        await customer.OpenAsync(checkout.Token);
        await customer.PayRealTimeAsync("6200000000000001", "123456");
        await Expect(customer.SuccessHeading).ToBeVisibleAsync();
        return (await DemoCheckouts.PaymentsOfAsync(fixture.App.Services, checkout.Id)).Single().Id;
    }
}

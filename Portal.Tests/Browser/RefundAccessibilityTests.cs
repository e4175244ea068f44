using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// axe-core scans of what the refund screens add, on a laptop-sized screen: no serious or critical violation. Scoped to
/// the refund parts, because the shared layout's own findings (the user menu's nested button, the breadcrumb's
/// current-page contrast) are not theirs to fix.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RefundAccessibilityTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task RefundScreens_OnLaptop_HaveNoSeriousViolations()
    {
        // Above the CNY 1,000.00 threshold, so every screen shows a refund waiting for approval next to a settled one.
        var paymentId = await PayAsCustomerAsync(1_060.00m);
        await using var managerContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var manager = new AdminPageObject(await managerContext.NewPageAsync());
        await manager.SignInAsync("manager@demo.test");
        var refunds = new RefundPageObject(manager);
        await refunds.OpenPaymentAsync(paymentId);
        await refunds.RequestAsync("10.00", "Duplicate payment");
        await Expect(refunds.Card("CNY 10.00")).ToHaveAttributeAsync("data-status", "Succeeded");
        // Above the CNY 1,000.00 threshold: every screen also shows a refund waiting for approval.
        await refunds.RequestAsync("1020.00", "Goods returned");
        await Expect(refunds.Card("CNY 1,020.00")).ToHaveAttributeAsync("data-status", "PendingApproval");
        await AssertAccessibleAsync(manager.Page, manager.Page.Locator(".refunds-section"), "payment-detail");

        await refunds.RefundButton.ClickAsync();
        await Expect(refunds.Dialog).ToBeVisibleAsync();
        await AssertAccessibleAsync(manager.Page, refunds.Dialog, "refund-dialog");

        // The owner did not ask for it, so the queue offers them Approve and Reject.
        await using var ownerContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var owner = new AdminPageObject(await ownerContext.NewPageAsync());
        await owner.SignInAsync("owner@demo.test");
        await owner.OpenAsync("admin/refunds");
        await Expect(owner.Page.Locator("tr.refund-row").First).ToBeVisibleAsync();
        await AssertAccessibleAsync(owner.Page, owner.Page.Locator(".mud-main-content"), "refunds-list");

        var queue = new RefundPageObject(owner);
        await queue.OpenApprovalsAsync();
        await Expect(queue.ApproveButton(queue.Card("CNY 1,020.00"))).ToBeVisibleAsync();
        await AssertAccessibleAsync(owner.Page, owner.Page.Locator(".mud-main-content"), "approvals");
    }

    private static async Task AssertAccessibleAsync(IPage page, ILocator part, string state)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Artifacts, $"admin-{state}-1280x800.png"), FullPage = true });
        var results = await part.RunAxe();
        var serious = results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, $"axe found in the {state} state:\n{string.Join("\n", serious)}");
    }

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

using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Portal.LiveUpdates;
using Portal.Tests.Browser;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Instances;

/// <summary>
/// A member removed on instance A while their hub connection watches the merchant on instance B: B drops it at once,
/// told over the bus (the periodic re-check is set far beyond the test), and the next payment reaches B's other
/// watchers through the backplane but not the removed one.
/// </summary>
public sealed class StaffRemovalInstancesTests(StaffRemovalInstancesTests.Fixture fixture) : IClassFixture<StaffRemovalInstancesTests.Fixture>
{
    private const string Payer = "6200000000000001";

    [Fact]
    public async Task Remove_OnA_MembersHubConnectionOnB_IsDroppedAndReceivesNothingAfter()
    {
        await using var removed = await WatchMerchantOnBAsync("manager@demo.test");
        await using var control = await WatchMerchantOnBAsync("viewer@demo.test");
        await using var ownerContext = await fixture.ContextOnAsync("a");
        var owner = new AdminPageObject(await ownerContext.NewPageAsync());
        await owner.SignInAsync("owner@demo.test");
        await owner.OpenAsync("admin/team");

        await owner.Page.GetByRole(AriaRole.Button, new() { Name = "Remove Marco Manager" }).ClickAsync();
        await owner.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();
        await Expect(owner.Page.Locator("tr.member-row", new() { HasText = "manager@demo.test" })).ToHaveCountAsync(0);

        await removed.WhenClosedAsync();
        var checkout = await fixture.CreateCheckoutAsync(await fixture.IssueApiKeyAsync(), 7.35m, fixture.A);
        await using var customer = await fixture.ContextOnAsync("a");
        var pay = new CheckoutPageObject(await customer.NewPageAsync());
        await pay.OpenAsync(checkout.Token);
        await pay.PayRealTimeAsync(Payer, "123456");
        await Expect(pay.SuccessHeading).ToBeVisibleAsync();
        var update = await control.UpdateOfCheckoutAsync(checkout.Id);
        Assert.False(removed.HasReceived(update.PaymentId));
    }

    private async Task<HubWatcher> WatchMerchantOnBAsync(string email)
    {
        var watcher = await HubWatcher.ConnectAsync(fixture.B.BaseAddress, await HubWatcher.SignInAsync(fixture.B.BaseAddress, email));
        await watcher.Connection.InvokeAsync(nameof(PaymentsHub.WatchMerchant));
        return watcher;
    }

    /// <summary>The deployment with staff access re-checked only every half hour: what happens sooner, the bus did.</summary>
    public sealed class Fixture : InstancesFixture
    {
        protected override IDictionary<string, string> PortalSettings(string name) => new Dictionary<string, string>
        {
            ["StaffAccess:RecheckInterval"] = "00:30:00",
        };
    }
}

using Microsoft.Playwright;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// A customer types account and PIN into the prerendered wallet form and presses Enter before the page is live (here:
/// never, scripts off): nothing is sent, and no account or PIN lands in the address, the history or a request.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PinNeverInUrlTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task EnterBeforeThePageIsLive_SendsNothing_NoPinInAnyUrl()
    {
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, 7.70m);
        await using var desktop = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var page = new CheckoutPageObject(await desktop.NewPageAsync());
        await page.OpenAsync(checkout.Token);
        var link = await page.ShowFastCodeAsync();

        await using var phone = await fixture.Browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.App.BaseAddress.ToString(),
            JavaScriptEnabled = false,
            ViewportSize = new ViewportSize { Width = 375, Height = 667 },
        });
        var wallet = await phone.NewPageAsync();
        var requested = new List<string>();
        wallet.Request += (_, request) => requested.Add(request.Url);
        await wallet.GotoAsync(link);
        await wallet.GetByLabel("Account number").FillAsync("6200000000000001");
        await wallet.GetByLabel("PIN").FillAsync("123456");
        await wallet.GetByLabel("PIN").PressAsync("Enter");
        // Had Enter submitted the form, the page would now be loading its answer: wait for the load state either way.
        await wallet.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.DoesNotContain("123456", wallet.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("6200000000000001", wallet.Url, StringComparison.Ordinal);
        Assert.All(requested, url => Assert.DoesNotContain("123456", url, StringComparison.Ordinal));
        Assert.All(requested, url => Assert.DoesNotContain("pin=", url, StringComparison.OrdinalIgnoreCase));
        await Expect(wallet.Locator("form.co-form button[type=submit]")).ToBeDisabledAsync();
    }
}

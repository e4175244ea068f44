using Microsoft.Playwright;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// A traveller on a phone pays a CNY checkout from an account in their own currency, reading the page in their
/// language: the quote shows before anything moves, the button pays its total, the receipt keeps both sides.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CrossBorderCheckoutTests(BrowserAppFixture fixture)
{
    [Theory]
    [InlineData("zh-CN", "6201000000000001", "USD", "您的账户币种为 USD")]
    [InlineData("ja-JP", "6205000000000001", "JPY", "お客様の口座の通貨は JPY です")]
    public async Task Pay_ForeignAccountInTheirLanguage_ShowsTheQuoteThenPaysItsTotal(string locale, string account, string currency,
        string heading)
    {
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, 25.00m);
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress, width: 375, height: 667, locale: locale);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"pay/{checkout.Token}");
        await Expect(page.Locator("main[data-ready='true']")).ToBeVisibleAsync();

        await page.Locator(".co-method").First.ClickAsync();
        await page.Locator("#co-account").FillAsync(account);
        await page.Locator("#co-pin").FillAsync("123456"); // leaving the account field asks for its quote
        var quote = page.GetByTestId("quote");
        await Expect(quote.GetByRole(AriaRole.Heading, new() { Name = heading })).ToBeVisibleAsync();
        var total = (await page.GetByTestId("quote-total").InnerTextAsync()).Trim();
        Assert.StartsWith(currency, total, StringComparison.Ordinal);
        await Expect(page.Locator(".co-form button[type=submit]")).ToContainTextAsync(total);
        await AssertAccessibleAsync(page, $"quote-{locale}");

        await page.Locator(".co-form button[type=submit]").ClickAsync();

        await Expect(page.GetByTestId("receipt-payer-amount")).ToHaveTextAsync(total);
        await AssertAccessibleAsync(page, $"quote-paid-{locale}");
    }

    private static Task AssertAccessibleAsync(IPage page, string state) => CheckoutAccessibilityTests.AssertAccessibleAsync(page, state);
}

using Microsoft.Playwright;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class CheckoutLanguageTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task Open_ChineseBrowser_PaysInChinese()
    {
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, 88.00m);
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress, width: 375, height: 667, locale: "zh-CN");
        var page = await context.NewPageAsync();
        await page.GotoAsync($"pay/{checkout.Token}");
        await Expect(page.Locator("main[data-ready='true']")).ToBeVisibleAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "请选择付款方式" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "实时支付" }).ClickAsync();
        await page.GetByLabel("账号").FillAsync("6200000000000001");
        await page.GetByLabel("密码").FillAsync("123456");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^支付") }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "付款成功" })).ToBeVisibleAsync();
        Assert.Equal("zh-Hans", await page.Locator("html").GetAttributeAsync("lang"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Artifacts, "checkout-zh-receipt-375x667.png"), FullPage = true });
    }

    [Fact]
    public async Task LanguageSwitch_EnglishToSimplifiedChinese_KeepsThePage()
    {
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, 6.00m);
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var page = new CheckoutPageObject(await context.NewPageAsync());
        await page.OpenAsync(checkout.Token);
        await Expect(page.Page.GetByRole(AriaRole.Heading, new() { Name = "How would you like to pay?" })).ToBeVisibleAsync();

        await page.Page.GetByRole(AriaRole.Link, new() { Name = "简体中文" }).ClickAsync();

        await Expect(page.Page.GetByRole(AriaRole.Heading, new() { Name = "请选择付款方式" })).ToBeVisibleAsync();
        Assert.EndsWith($"/pay/{checkout.Token}", page.Page.Url);
    }
}

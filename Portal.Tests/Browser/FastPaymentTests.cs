using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Domain.Merchants;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>A customer at a desktop checkout pays by scanning its QR code with a phone wallet: two browsers, one payment.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FastPaymentTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task FastPayment_ScannedLinkApprovedInWallet_CheckoutUpdatesWithoutReload()
    {
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, 23.45m);
        await using var desktop = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        await using var phone = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress, width: 375, height: 667);
        var page = new CheckoutPageObject(await desktop.NewPageAsync());
        await page.OpenAsync(checkout.Token);

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Fast payment (QR code)" }).ClickAsync();
        await Expect(page.Page.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("QR code") })).ToBeVisibleAsync();
        await Expect(page.Page.GetByRole(AriaRole.Timer)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^1[45]:\d\d$"));
        await page.Page.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Artifacts, "checkout-fast-qr-1280x800.png"), FullPage = true });
        await page.Page.GetByText("Can't scan?").ClickAsync();
        var link = await page.Page.GetByTestId("payment-code").InnerTextAsync();

        var wallet = new WalletPageObject(await phone.NewPageAsync());
        await wallet.OpenAsync(link);
        await Expect(wallet.Page.GetByTestId("amount")).ToHaveTextAsync("CNY 23.45");
        await wallet.Page.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Artifacts, "wallet-approve-375x667.png"), FullPage = true });
        await wallet.ApproveAsync("6200000000000001", "123456");

        await Expect(wallet.Paid).ToBeVisibleAsync();
        await Expect(page.SuccessHeading).ToBeVisibleAsync();
        await page.Page.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Artifacts, "checkout-fast-paid-1280x800.png"), FullPage = true });
    }

    [Fact]
    public async Task FastPayment_ChinesePages_ShowPushedResultInChinese()
    {
        // The result arrives through the bank's callback, a request with no language of its own.
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, 12.00m);
        await using var desktop = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress, locale: "zh-CN");
        await using var phone = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress, width: 375, height: 667, locale: "zh-CN");
        var page = new CheckoutPageObject(await desktop.NewPageAsync());
        await page.OpenAsync(checkout.Token);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "快捷支付（扫码）" }).ClickAsync();
        await page.Page.GetByText("无法扫码？").ClickAsync();
        var link = await page.Page.GetByTestId("payment-code").InnerTextAsync();

        var wallet = await phone.NewPageAsync();
        await wallet.GotoAsync(link);
        await Expect(wallet.Locator("main[data-ready='true']")).ToBeVisibleAsync();
        await wallet.GetByLabel("账号").FillAsync("6200000000000001");
        await wallet.GetByLabel("密码").FillAsync("123456");
        await wallet.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^确认支付") }).ClickAsync();

        await Expect(wallet.GetByRole(AriaRole.Heading, new() { Name = "付款成功" })).ToBeVisibleAsync();
        await Expect(page.Page.GetByRole(AriaRole.Heading, new() { Name = "付款成功" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Wallet_PastedEmvCode_PaysTheOrder()
    {
        await UseEmvCodesAsync(DemoData.OtherShop);
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, 5.00m, merchant: DemoData.OtherShop);
        await using var desktop = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        await using var phone = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress, width: 375, height: 667);
        var page = new CheckoutPageObject(await desktop.NewPageAsync());
        await page.OpenAsync(checkout.Token);
        var payload = await page.ShowFastCodeAsync();
        Assert.StartsWith("000201010212", payload);

        var wallet = new WalletPageObject(await phone.NewPageAsync());
        await wallet.PasteAsync(payload);
        await wallet.ApproveAsync("6200000000000001", "123456");

        await Expect(wallet.Paid).ToBeVisibleAsync();
        await Expect(page.SuccessHeading).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("not a payment code at all", "This is not a Portal payment code.")]
    [InlineData("00020101021129370016A000000677010111011300668012345675802TH530376463046197", "This is not a Portal payment code.")]
    [InlineData("00020101021129370016A000000677010111011300668012345675802TH530376463046198", "damaged or incomplete: its check digits do not match")]
    [InlineData("0002010102122937", "damaged or incomplete: it was cut off.")]
    public async Task Wallet_BadCode_SaysWhatIsWrong(string code, string message)
    {
        await using var phone = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress, width: 375, height: 667);
        var wallet = new WalletPageObject(await phone.NewPageAsync());

        await wallet.PasteAsync(code);

        await Expect(wallet.Error).ToContainTextAsync(message);
    }

    [Fact]
    public async Task Wallet_DamagedCodeInChinese_SaysWhatIsWrongInChinese()
    {
        await using var phone = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress, width: 375, height: 667, locale: "zh-CN");
        var wallet = new WalletPageObject(await phone.NewPageAsync());
        await wallet.OpenAsync("wallet");

        await wallet.Page.GetByLabel("付款码").FillAsync("00020101021129370016A000000677010111011300668012345675802TH530376463046198");
        await wallet.Page.GetByRole(AriaRole.Button, new() { Name = "继续" }).ClickAsync();

        await Expect(wallet.Error).ToHaveTextAsync("此付款码已损坏或不完整：校验码不符，付款码可能被篡改或复制有误。请重新扫描收银页面上的二维码。（crc-mismatch）");
    }

    [Fact]
    public async Task Wallet_CodeOfPaidCheckout_RefusesToPay()
    {
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, 3.30m);
        await using var desktop = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        await using var phone = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress, width: 375, height: 667);
        var page = new CheckoutPageObject(await desktop.NewPageAsync());
        await page.OpenAsync(checkout.Token);
        var link = await page.ShowFastCodeAsync();

        // The customer switches and pays by account and PIN instead; the QR code is then worth nothing.
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Pay with account and PIN instead" }).ClickAsync();
        await page.EnterDetailsAsync("6200000000000001", "123456");
        await page.PayButton.ClickAsync();
        await Expect(page.SuccessHeading).ToBeVisibleAsync();

        var wallet = new WalletPageObject(await phone.NewPageAsync());
        await wallet.OpenAsync(link);
        await Expect(wallet.Page.GetByText("This order is already paid.")).ToBeVisibleAsync();
        await Expect(wallet.Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Approve") })).ToHaveCountAsync(0);
    }

    private async Task UseEmvCodesAsync(string merchantName)
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var merchant = await db.Merchants.SingleAsync(m => m.Name == merchantName);
        merchant.ConfigureFastPayments(QrFormat.Emv, merchant.FastPaymentLifetime);
        await db.SaveChangesAsync();
    }
}

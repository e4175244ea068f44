using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Pay;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// The customer's pages in each language besides English, reached as a traveller's phone asks for it: no text on the
/// page (nor a label, alt text, placeholder or the title) is one of the English sentences, so nothing was left out of
/// a translation or written into a page by hand. English sentences with a placeholder match whatever fills it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CheckoutTranslationTests(BrowserAppFixture fixture)
{
    private const string Account = "6200000000000001";

    private static readonly ResourceManager Resources = new("Portal.Pay.CheckoutText", typeof(CheckoutText).Assembly);

    // The same in every language: a time zone's name, and the word Spanish speakers read on their own bank cards.
    private static readonly HashSet<string> SameInEveryLanguage = ["Utc", "PinLabel"];

    private static readonly List<(string Key, Regex Pattern)> English = Resources
        .GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
        .Cast<DictionaryEntry>()
        .Select(entry => (Key: (string)entry.Key, Value: (string)entry.Value!))
        .Where(entry => entry.Value.Length > 3 && !SameInEveryLanguage.Contains(entry.Key))
        .Select(entry => (entry.Key, Whole(entry.Value)))
        .ToList();

    [Theory]
    [InlineData("zh-CN", "zh-Hans")]
    [InlineData("zh-TW", "zh-Hant")]
    [InlineData("ja-JP", "ja")]
    [InlineData("es-MX", "es")]
    public async Task CustomerPages_TravellersLanguage_ShowNoEnglish(string locale, string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        string Say(string key) => Resources.GetString(key, culture)!;
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress, width: 375, height: 667, locale: locale);

        // By account and PIN: the choice, the form, a refusal, then the receipt.
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, 1234.50m);
        var page = await context.NewPageAsync();
        await OpenAsync(page, $"pay/{checkout.Token}");
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        await AssertNoEnglishAsync(page, "choose");
        await page.GetByRole(AriaRole.Button, new() { Name = Say("RealTimeName") }).ClickAsync();
        await PayAsync(page, Say, "PayAmount", "000000");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Say("FailedTitle") })).ToBeVisibleAsync();
        await AssertNoEnglishAsync(page, "failed");
        await page.GetByRole(AriaRole.Button, new() { Name = Say("TryAgain"), Exact = true }).ClickAsync();
        await AssertNoEnglishAsync(page, "form");
        await PayAsync(page, Say, "PayAmount", "123456");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Say("Success") })).ToBeVisibleAsync();
        await AssertNoEnglishAsync(page, "receipt");

        // By QR code: the code, the wallet approving it, and the wallet's own entry page.
        var fast = await DemoCheckouts.CreateAsync(fixture.App.Services, 8.00m);
        await OpenAsync(page, $"pay/{fast.Token}");
        await page.GetByRole(AriaRole.Button, new() { Name = Say("FastName") }).ClickAsync();
        await page.GetByText(Say("CantScan")).ClickAsync();
        var link = await page.GetByTestId("payment-code").InnerTextAsync();
        await AssertNoEnglishAsync(page, "fast-qr");

        var wallet = await context.NewPageAsync();
        await OpenAsync(wallet, link);
        await AssertNoEnglishAsync(wallet, "wallet-approve");
        await PayAsync(wallet, Say, "WalletApprove", "123456");
        await Expect(wallet.GetByRole(AriaRole.Heading, new() { Name = Say("Success") })).ToBeVisibleAsync();
        await AssertNoEnglishAsync(wallet, "wallet-paid");

        await OpenAsync(wallet, "wallet");
        await wallet.GetByLabel(Say("WalletPasteLabel")).FillAsync("not a payment code");
        await wallet.GetByRole(AriaRole.Button, new() { Name = Say("WalletContinue"), Exact = true }).ClickAsync();
        await Expect(wallet.GetByTestId("wallet-error")).ToHaveTextAsync(Say("WalletNotOurs"));
        await AssertNoEnglishAsync(wallet, "wallet-paste");
    }

    private static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        // Prerendered HTML shows before the circuit connects; clicks before that are lost.
        await Expect(page.Locator("main[data-ready='true']")).ToBeVisibleAsync();
    }

    private static async Task PayAsync(IPage page, Func<string, string> say, string buttonKey, string pin)
    {
        await page.GetByLabel(say("AccountLabel"), new() { Exact = true }).FillAsync(Account);
        await page.GetByLabel(say("PinLabel"), new() { Exact = true }).FillAsync(pin);
        // The button that names the amount: in Spanish "Pagar con código QR" starts as "Pagar CNY 8.00" does.
        var withAmount = new Regex("^" + PlaceholderEscaped().Replace(Regex.Escape(say(buttonKey)), "[A-Z]{3} [0-9.,]+") + "$");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = withAmount }).ClickAsync();
    }

    private static async Task AssertNoEnglishAsync(IPage page, string state)
    {
        var texts = await page.EvaluateAsync<string[]>(
            """
            () => {
              const texts = [document.title];
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (!node.parentElement.closest('script, style')) texts.push(node.textContent);
              }
              for (const element of document.body.querySelectorAll('[aria-label], [alt], [placeholder], [title]')) {
                for (const name of ['aria-label', 'alt', 'placeholder', 'title']) texts.push(element.getAttribute(name) ?? '');
              }
              return texts.map(text => text.replace(/\s+/g, ' ').trim()).filter(text => text.length > 0);
            }
            """);

        var english = texts
            .SelectMany(text => English.Where(e => e.Pattern.IsMatch(text)).Select(e => $"\"{text}\" ({e.Key})"))
            .ToList();

        Assert.True(english.Count == 0, $"English on the {state} page:\n{string.Join("\n", english)}");
    }

    // A sentence as a whole text, its placeholders matching whatever fills them.
    private static Regex Whole(string sentence) =>
        new("^" + PlaceholderEscaped().Replace(Regex.Escape(sentence), ".+") + "$");

    [GeneratedRegex(@"\\\{\d+}")]
    private static partial Regex PlaceholderEscaped();
}

using System.Globalization;
using Portal.Pay;

namespace Portal.Tests.Components.Pay;

/// <summary>Which language of the customer's pages a browser's culture reads, by its parent chain.</summary>
public sealed class CheckoutCulturesTests
{
    [Theory]
    [InlineData("zh-CN", "zh-Hans")]
    [InlineData("zh-SG", "zh-Hans")]
    [InlineData("zh-Hans-CN", "zh-Hans")]
    [InlineData("zh-TW", "zh-Hant")]
    [InlineData("zh-HK", "zh-Hant")]
    [InlineData("zh-MO", "zh-Hant")]
    [InlineData("zh-Hant-TW", "zh-Hant")]
    [InlineData("ja-JP", "ja")]
    [InlineData("es-MX", "es")]
    [InlineData("es-419", "es")]
    [InlineData("es-ES", "es")]
    [InlineData("en-GB", "en")]
    [InlineData("fr-FR", "en")]
    public void LanguageOf_RegionalCulture_IsItsLanguage(string culture, string language) =>
        Assert.Equal(language, CheckoutCultures.LanguageOf(CultureInfo.GetCultureInfo(culture)).Culture.Name);

    [Fact]
    public void Options_RegionalCulture_FormatsWhileItsLanguageSpeaks()
    {
        var options = CheckoutCultures.Options();

        // es-MX writes 1,234.50 and es-ES 1.234,50: both format amounts, the one Spanish resource speaks to both.
        Assert.Contains(options.SupportedCultures!, c => c.Name == "es-MX");
        Assert.Contains(options.SupportedCultures!, c => c.Name == "zh-TW");
        Assert.Contains(options.SupportedCultures!, c => c.Name == "zh-HK");
        Assert.DoesNotContain(options.SupportedCultures!, c => c.Name == "fr-FR");
        Assert.Equal(["en", "zh-Hans", "zh-Hant", "ja", "es"], options.SupportedUICultures!.Select(c => c.Name));
    }
}

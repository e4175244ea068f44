using System.Text.RegularExpressions;
using System.Xml.Linq;
using Portal.Pay;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components.Pay;

/// <summary>
/// The customer's pages in every language of the switch: a key missing from one language falls back to English
/// mid-page, an empty one leaves a blank where a sentence should be, a key English lacks is a typo nobody reads, and a
/// placeholder missing from a translation drops the detail it carries (an amount, a reason code).
/// </summary>
public sealed partial class CheckoutTextTests
{
    private static readonly string Folder = Path.Combine(TestPaths.RepositoryRoot, "Portal", "Pay");

    private static readonly string[] TranslatedLanguages = ["zh-Hans", "zh-Hant", "ja", "es"];

    public static IEnumerable<object[]> Translations => TranslatedLanguages.Select(language => new object[] { language });

    [Fact]
    public void Translations_AreTheLanguagesOfTheSwitch()
    {
        var files = Directory.GetFiles(Folder, "CheckoutText.*.resx").Select(f => Path.GetFileName(f)[13..^5]).Order();

        Assert.Equal(CheckoutCultures.Languages.Skip(1).Select(l => l.Culture.Name).Order(), files);
        Assert.Equal(files, TranslatedLanguages.Order());
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Translation_HasEveryKeyOfEnglishAndNoOther(string language)
    {
        var english = Read("CheckoutText.resx");
        var translated = Read($"CheckoutText.{language}.resx");

        Assert.Empty(english.Keys.Except(translated.Keys));
        Assert.Empty(translated.Keys.Except(english.Keys));
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Translation_HasNoEmptyValue(string language)
    {
        var empty = Read($"CheckoutText.{language}.resx").Where(entry => string.IsNullOrWhiteSpace(entry.Value)).Select(entry => entry.Key);

        Assert.Empty(empty);
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Translation_UsesTheSamePlaceholdersAsEnglish(string language)
    {
        var english = Read("CheckoutText.resx");
        var translated = Read($"CheckoutText.{language}.resx");

        var different = english.Keys.Intersect(translated.Keys)
            .Where(key => !Placeholders(english[key]).SetEquals(Placeholders(translated[key])))
            .ToList();

        Assert.Empty(different);
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(data => (string)data.Attribute("name")!, data => (string?)data.Element("value") ?? "");

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(match => match.Value).ToHashSet();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}

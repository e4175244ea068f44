using System.Text.RegularExpressions;
using System.Xml.Linq;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components.Pay;

/// <summary>
/// The customer's pages in English and Chinese: a key missing from one language falls back to English mid-page, and a
/// placeholder missing from a translation drops the detail it carries (an amount, a reason code).
/// </summary>
public sealed partial class CheckoutTextTests
{
    private static readonly string Folder = Path.Combine(TestPaths.RepositoryRoot, "Portal", "Pay");

    [Fact]
    public void Chinese_HasEveryKeyOfEnglishAndNoOther()
    {
        var english = Read("CheckoutText.resx");
        var chinese = Read("CheckoutText.zh-Hans.resx");

        Assert.Empty(english.Keys.Except(chinese.Keys));
        Assert.Empty(chinese.Keys.Except(english.Keys));
    }

    [Fact]
    public void Chinese_UsesTheSamePlaceholdersAsEnglish()
    {
        var english = Read("CheckoutText.resx");
        var chinese = Read("CheckoutText.zh-Hans.resx");

        var different = english.Keys.Intersect(chinese.Keys)
            .Where(key => !Placeholders(english[key]).SetEquals(Placeholders(chinese[key])))
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

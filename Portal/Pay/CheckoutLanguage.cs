using System.Globalization;

namespace Portal.Pay;

/// <summary>A language of the customer's pages: the culture its resources are named after, and its name in itself.</summary>
public sealed record CheckoutLanguage(CultureInfo Culture, string NativeName)
{
    /// <summary>
    /// Whether <paramref name="culture"/> is this language or a regional form of it, by its parent chain: zh-TW and
    /// zh-HK reach zh-Hant, zh-CN and zh-SG reach zh-Hans, es-MX reaches es. A bare "zh" names no script and is neither.
    /// </summary>
    public bool Covers(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        for (var c = culture; !Equals(c, CultureInfo.InvariantCulture); c = c.Parent)
        {
            if (c.Name.Equals(Culture.Name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}

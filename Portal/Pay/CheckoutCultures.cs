using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Portal.Pay;

/// <summary>
/// The languages of the customer's pages, picked from Accept-Language or the visible switch (a cookie). The language
/// picks the words; the customer's own regional culture, where the browser names one, formats amounts and dates
/// (es-MX writes 1,234.50 where es-ES writes 1.234,50).
/// </summary>
public static class CheckoutCultures
{
    public static readonly CheckoutLanguage English = new(CultureInfo.GetCultureInfo("en"), "English");

    /// <summary>In the order the switch shows them, each in its own language, as language pickers do.</summary>
    public static IReadOnlyList<CheckoutLanguage> Languages { get; } =
    [
        English,
        new(CultureInfo.GetCultureInfo("zh-Hans"), "简体中文"),
        new(CultureInfo.GetCultureInfo("zh-Hant"), "繁體中文"),
        new(CultureInfo.GetCultureInfo("ja"), "日本語"),
        new(CultureInfo.GetCultureInfo("es"), "Español"),
    ];

    // Every culture of a supported language, regional forms included: what may format a customer's amounts. ICU lists
    // Chinese regions under their script only (zh-Hant-TW); browsers send zh-TW, so those names are added.
    private static readonly Dictionary<string, CultureInfo> FormattingCultures = CultureInfo.GetCultures(CultureTypes.AllCultures)
        .Concat(new[] { "zh-CN", "zh-SG", "zh-TW", "zh-HK", "zh-MO" }.Select(CultureInfo.GetCultureInfo))
        .Where(culture => Languages.Any(language => language.Covers(culture)))
        .DistinctBy(culture => culture.Name, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(culture => culture.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The supported language of <paramref name="culture"/>, or English.</summary>
    public static CheckoutLanguage LanguageOf(CultureInfo culture) =>
        Languages.FirstOrDefault(language => language.Covers(culture)) ?? English;

    public static RequestLocalizationOptions Options() => new()
    {
        DefaultRequestCulture = new RequestCulture(English.Culture),
        SupportedCultures = [.. FormattingCultures.Values],
        SupportedUICultures = [.. Languages.Select(language => language.Culture)],
        // zh-TW finds zh-Hant, es-MX finds es: the words come from the nearest supported parent.
        FallBackToParentCultures = true,
        FallBackToParentUICultures = true,
    };

    /// <summary>Sets the language cookie and goes back to the page the customer was on (local addresses only).</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture", (string? c, string? r, HttpContext context) =>
        {
            if (c is not null && FormattingCultures.TryGetValue(c, out var chosen))
            {
                var language = LanguageOf(chosen);
                var formatting = chosen.Name == language.Culture.Name ? RegionalFormOf(language, context.Request) : chosen;
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(formatting, language.Culture)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            }
            var back = r is { Length: > 0 } && r.StartsWith('/') && !r.StartsWith("//", StringComparison.Ordinal) && !r.StartsWith("/\\", StringComparison.Ordinal) ? r : "/";
            return Results.LocalRedirect(back);
        });
        return app;
    }

    // A traveller from Mexico who picks Español keeps Mexico's numbers: the browser's own form of the language, if it names one.
    private static CultureInfo RegionalFormOf(CheckoutLanguage language, HttpRequest request) =>
        request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(accepted => accepted.Quality ?? 1)
            .Select(accepted => FormattingCultures.GetValueOrDefault(accepted.Value.Value ?? ""))
            .FirstOrDefault(culture => culture is not null && language.Covers(culture))
        ?? language.Culture;
}

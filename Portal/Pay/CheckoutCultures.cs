using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Portal.Pay;

/// <summary>The languages of the customer's pages, picked from Accept-Language or the visible switch (a cookie).</summary>
public static class CheckoutCultures
{
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public static IReadOnlyList<CultureInfo> Supported { get; } = [English, Chinese];

    /// <summary>Shown in the switch in their own language, as language pickers do.</summary>
    public static string NativeName(CultureInfo culture) => culture.TwoLetterISOLanguageName == "zh" ? "中文" : "English";

    public static bool IsChinese(CultureInfo culture) => culture.TwoLetterISOLanguageName == "zh";

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(English),
            SupportedCultures = [.. Supported],
            SupportedUICultures = [.. Supported],
            // zh-Hans-CN, zh-TW and friends fall back to the nearest supported parent.
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };
        return options;
    }

    /// <summary>Sets the language cookie and goes back to the page the customer was on (local addresses only).</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture", (string? c, string? r, HttpContext context) =>
        {
            var culture = Supported.FirstOrDefault(s => string.Equals(s.Name, c, StringComparison.OrdinalIgnoreCase));
            if (culture is not null)
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            }
            var back = r is { Length: > 0 } && r.StartsWith('/') && !r.StartsWith("//", StringComparison.Ordinal) && !r.StartsWith("/\\", StringComparison.Ordinal) ? r : "/";
            return Results.LocalRedirect(back);
        });
        return app;
    }
}

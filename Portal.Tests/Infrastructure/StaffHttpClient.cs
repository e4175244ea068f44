using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// An HTTP client signed in as a staff member the way a browser is: it reads the sign-in form (antiforgery token and
/// the form's hidden fields), posts it, and keeps the cookie. Redirects are not followed, so a test sees them.
/// </summary>
public static partial class StaffHttpClient
{
    /// <summary>
    /// A client with its own cookies. <paramref name="viaTlsProxy"/>: as a browser behind Portal's TLS proxy, for Portal
    /// outside Development, whose cookies are all Secure (see <see cref="TlsProxyHandler"/>).
    /// </summary>
    public static HttpClient Anonymous(Uri baseAddress, bool viaTlsProxy = false) =>
        new(viaTlsProxy
            ? new TlsProxyHandler()
            : new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };

    public static async Task<HttpClient> SignInAsync(Uri baseAddress, string email, string password = "Demo!Pass123",
        bool viaTlsProxy = false)
    {
        var client = Anonymous(baseAddress, viaTlsProxy);
        using var response = await SubmitFormAsync(client, "Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("Login", StringComparison.OrdinalIgnoreCase) == true)
        {
            client.Dispose();
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode} {response.Headers.Location}.");
        }
        return client;
    }

    /// <summary>
    /// Fills the form at <paramref name="path"/> as a browser would: its hidden fields (antiforgery token, the form's name,
    /// hidden values) with <paramref name="fields"/>, posted back to the same address.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(HttpClient client, string path, IDictionary<string, string> fields)
    {
        var posted = HiddenFields(await client.GetStringAsync(path));
        foreach (var (name, value) in fields)
        {
            posted[name] = value;
        }
        return await client.PostAsync(path, new FormUrlEncodedContent(posted));
    }

    /// <summary>A form's hidden fields (antiforgery token, form name), to post back with the visible ones.</summary>
    public static Dictionary<string, string> HiddenFields(string html) => HiddenInput().Matches(html)
        .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}

using System.Net;
using System.Text.RegularExpressions;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Reports;

/// <summary>
/// An HTTP client signed in as a staff member the way a browser is: it posts the sign-in form (with its antiforgery
/// token) and keeps the cookie, so downloads are asked for exactly as a signed-in user's browser asks.
/// </summary>
public static partial class StaffHttpClient
{
    public static async Task<HttpClient> SignInAsync(PortalApp app, string email, string password = "Demo!Pass123")
    {
        var client = Anonymous(app);
        var form = await client.GetStringAsync("Account/Login");
        var token = AntiforgeryToken().Match(form);
        Assert.True(token.Success, "The sign-in form carries an antiforgery token.");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        using var response = await client.PostAsync("Account/Login", content);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {email} answered {(int)response.StatusCode}.");
        return client;
    }

    /// <summary>A client with a cookie jar and no sign-in; redirects are not followed, so a 302 to the login shows.</summary>
    public static HttpClient Anonymous(PortalApp app) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = app.BaseAddress,
        };

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

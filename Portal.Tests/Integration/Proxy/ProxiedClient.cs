using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Proxy;

/// <summary>
/// Requests as a TLS-terminating proxy on 127.0.0.1 passes them on: plain http, the public Host, and the forwarded
/// headers a test chooses. Cookies are carried by hand, because a Secure cookie never goes back over plain http.
/// </summary>
public sealed class ProxiedClient(Uri appAddress) : IDisposable
{
    public const string PublicHost = "pay.portal.test";

    private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        BaseAddress = appAddress,
    };

    private readonly Dictionary<string, string> _cookies = [];

    /// <summary>X-Forwarded-Proto. Defaults to https, as a proxy that took the request over TLS says.</summary>
    public string ForwardedProto { get; init; } = "https";

    /// <summary>X-Forwarded-For, the client the proxy saw. Defaults to none.</summary>
    public string? ForwardedFor { get; init; }

    /// <summary>X-Forwarded-Host. Defaults to none.</summary>
    public string? ForwardedHost { get; init; }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    /// <summary>Opens the sign-in form and posts it; the answer to the post.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string password)
    {
        using var form = await GetAsync("Account/Login");
        var fields = StaffHttpClient.HiddenFields(await form.Content.ReadAsStringAsync());
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, "Account/Login") { Content = new FormUrlEncodedContent(fields) });
    }

    /// <summary>Where an anonymous visit to the admin portal is sent to sign in.</summary>
    public async Task<Uri> SignInRedirectAsync()
    {
        using var response = await GetAsync("admin");
        return response is { StatusCode: HttpStatusCode.Redirect, Headers.Location: { } location }
            ? location
            : throw new InvalidOperationException($"The admin portal answered {(int)response.StatusCode}, not a redirect.");
    }

    /// <summary>The Strict-Transport-Security header of a page, or null.</summary>
    public async Task<string?> HstsAsync()
    {
        using var response = await GetAsync("Account/Login");
        response.EnsureSuccessStatusCode();
        return response.Headers.TryGetValues("Strict-Transport-Security", out var values) ? string.Join(",", values) : null;
    }

    /// <summary>The attributes (lower case) of the cookie whose name starts with <paramref name="prefix"/>, as set.</summary>
    public static IReadOnlyList<string> CookieAttributes(HttpResponseMessage response, string prefix) =>
        SetCookies(response).FirstOrDefault(c => c.StartsWith(prefix, StringComparison.Ordinal))?.Split(';').Skip(1)
            .Select(attribute => attribute.Trim().ToLowerInvariant()).ToList()
            ?? throw new InvalidOperationException($"No cookie {prefix}… was set; the answer was {(int)response.StatusCode}.");

    /// <summary>The attributes of the cookie a page sets; see <see cref="CookieAttributes(HttpResponseMessage, string)"/>.</summary>
    public async Task<IReadOnlyList<string>> CookieAttributesAsync(string path, string prefix)
    {
        using var response = await GetAsync(path);
        return CookieAttributes(response, prefix);
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            request.Headers.Host = PublicHost;
            request.Headers.Add("X-Forwarded-Proto", ForwardedProto);
            if (ForwardedFor is not null)
            {
                request.Headers.Add("X-Forwarded-For", ForwardedFor);
            }
            if (ForwardedHost is not null)
            {
                request.Headers.Add("X-Forwarded-Host", ForwardedHost);
            }
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }
            var response = await _http.SendAsync(request);
            foreach (var pair in SetCookies(response).Select(c => c.Split(';', 2)[0].Split('=', 2)))
            {
                _cookies[pair[0]] = pair[1];
            }
            return response;
        }
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [];
}

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

    /// <summary>The Set-Cookie header of the cookie whose name starts with <paramref name="prefix"/>.</summary>
    public static string SetCookie(HttpResponseMessage response, string prefix) =>
        SetCookies(response).FirstOrDefault(c => c.StartsWith(prefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No cookie {prefix}… was set; the answer was {(int)response.StatusCode}.");

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

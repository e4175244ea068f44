namespace Portal.Tests.Infrastructure;

/// <summary>
/// What a browser talking https to Portal's TLS-terminating proxy looks like to Portal on its plain-http port: every
/// request says <c>X-Forwarded-Proto: https</c> (Portal believes it from 127.0.0.1 when told:
/// <see cref="ProductionSettings.BehindLocalProxy"/>), and the cookies Portal sets, Secure ones included, go back with the next
/// request, as the browser sends them over its https connection. HttpClient's own cookie store never sends a Secure
/// cookie over http.
/// </summary>
public sealed class TlsProxyHandler() : DelegatingHandler(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
{
    private readonly Dictionary<string, string> _cookies = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add("X-Forwarded-Proto", "https");
        lock (_cookies)
        {
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }
        }
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            lock (_cookies)
            {
                foreach (var pair in cookies.Select(c => c.Split(';', 2)[0].Split('=', 2)).Where(p => p.Length == 2))
                {
                    _cookies[pair[0]] = pair[1];
                }
            }
        }
        return response;
    }
}

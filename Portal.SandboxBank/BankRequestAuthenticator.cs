using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Portal.Domain.Rails;

namespace Portal.SandboxBank;

/// <summary>Checks a request's signature and freshness, refuses replays, and signs the bank's answers.</summary>
public sealed class BankRequestAuthenticator(IOptions<SandboxBankOptions> options, ReplayGuard replays, TimeProvider time)
{
    private readonly MessageSigner _signer = options.Value.CreateSigner();

    /// <summary>Checks the signature over the request's method, target (as sent), timestamp, nonce and body.</summary>
    public SignatureCheck Check(HttpRequest request, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _signer.Verify(MessageScope.Request(request.Method, Target(request)), request.Headers[MessageSigner.TimestampHeader],
            request.Headers[MessageSigner.NonceHeader], request.Headers[MessageSigner.SignatureHeader], body, time.GetUtcNow(),
            options.Value.ClockTolerance);
    }

    /// <summary>Call only after <see cref="Check"/> passed: an unsigned request must not be able to fill the memory.</summary>
    public bool TryRecord(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return replays.TryRecord(request.Headers[MessageSigner.TimestampHeader].ToString(),
            request.Headers[MessageSigner.NonceHeader].ToString());
    }

    /// <summary>
    /// Signs a request the bank sends (a fast order's callback): POST and the callback's path and query, timestamp, a
    /// random nonce, the body.
    /// </summary>
    public void SignOutgoing(HttpRequestMessage request, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.RequestUri);
        var timestamp = MessageSigner.FormatTimestamp(time.GetUtcNow());
        var nonce = Guid.NewGuid().ToString("N");
        request.Headers.Add(MessageSigner.TimestampHeader, timestamp);
        request.Headers.Add(MessageSigner.NonceHeader, nonce);
        request.Headers.Add(MessageSigner.SignatureHeader,
            _signer.Sign(MessageScope.Request(request.Method.Method, request.RequestUri.PathAndQuery), timestamp, nonce, body));
    }

    /// <summary>An answer signed with its status and the method and target of the request it answers.</summary>
    public IResult Signed(int statusCode, byte[] body, HttpRequest request, string contentType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(request);
        return new SignedJsonResult(MessageScope.Answer(statusCode, request.Method, Target(request)), body,
            request.Headers[MessageSigner.NonceHeader].ToString(), _signer, time, contentType);
    }

    /// <summary>
    /// The request target as the client sent it (and signed it: <c>Uri.PathAndQuery</c>), not as routing decoded it; a
    /// host that gives no raw target (a test server) is asked for its path base, path and query instead.
    /// </summary>
    public static string Target(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        return !string.IsNullOrEmpty(raw) && raw.StartsWith('/')
            ? raw
            : (request.PathBase + request.Path).ToUriComponent() + request.QueryString.ToUriComponent();
    }
}

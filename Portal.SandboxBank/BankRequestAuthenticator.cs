using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Portal.Domain.Rails;

namespace Portal.SandboxBank;

/// <summary>Checks a request's signature and freshness, refuses replays, and signs the bank's answers.</summary>
public sealed class BankRequestAuthenticator(IOptions<SandboxBankOptions> options, ReplayGuard replays, TimeProvider time)
{
    private readonly MessageSigner _signer = new(options.Value.SigningSecret);

    public SignatureCheck Check(HttpRequest request, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _signer.Verify(request.Headers[MessageSigner.TimestampHeader], request.Headers[MessageSigner.NonceHeader],
            request.Headers[MessageSigner.SignatureHeader], body, time.GetUtcNow(), options.Value.ClockTolerance);
    }

    /// <summary>Call only after <see cref="Check"/> passed: an unsigned request must not be able to fill the memory.</summary>
    public bool TryRecord(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return replays.TryRecord(request.Headers[MessageSigner.TimestampHeader].ToString(),
            request.Headers[MessageSigner.NonceHeader].ToString());
    }

    /// <summary>Signs a request the bank sends (a fast order's callback): timestamp, a random nonce, HMAC of the body.</summary>
    public void SignOutgoing(HttpRequestMessage request, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(request);
        var timestamp = MessageSigner.FormatTimestamp(time.GetUtcNow());
        var nonce = Guid.NewGuid().ToString("N");
        request.Headers.Add(MessageSigner.TimestampHeader, timestamp);
        request.Headers.Add(MessageSigner.NonceHeader, nonce);
        request.Headers.Add(MessageSigner.SignatureHeader, _signer.Sign(timestamp, nonce, body));
    }

    public IResult Signed(int statusCode, byte[] body, HttpRequest request, string contentType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(request);
        return new SignedJsonResult(statusCode, body, request.Headers[MessageSigner.NonceHeader].ToString(), _signer, time, contentType);
    }
}

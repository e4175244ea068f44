using Microsoft.AspNetCore.Http;
using Portal.Domain.Rails;

namespace Portal.SandboxBank;

/// <summary>
/// A response whose exact body bytes are signed like a request (timestamp, the request's nonce, HMAC) together with
/// its status and the request it answers (<paramref name="scope"/>), so the client can trust it came from the bank,
/// answers its own request, and says what the bank said: a signed 200 cannot be passed off as a 404.
/// </summary>
public sealed class SignedJsonResult(MessageScope scope, byte[] body, string nonce, MessageSigner signer, TimeProvider time,
    string contentType = "application/json") : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var timestamp = MessageSigner.FormatTimestamp(time.GetUtcNow());
        var response = httpContext.Response;
        response.StatusCode = scope.Status ?? throw new InvalidOperationException("An answer's scope carries its status.");
        response.Headers[MessageSigner.TimestampHeader] = timestamp;
        response.Headers[MessageSigner.NonceHeader] = nonce;
        response.Headers[MessageSigner.SignatureHeader] = signer.Sign(scope, timestamp, nonce, body);
        // A 204 has no body, not even an empty one: the server refuses any write to it (its signature covers the empty body).
        if (body.Length > 0)
        {
            response.ContentType = contentType;
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, httpContext.RequestAborted);
        }
    }
}

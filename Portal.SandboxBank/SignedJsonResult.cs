using Microsoft.AspNetCore.Http;
using Portal.Domain.Rails;

namespace Portal.SandboxBank;

/// <summary>
/// A response whose exact body bytes are signed like a request (timestamp, the request's nonce, HMAC), so the
/// client can trust it came from the bank and answers its own request.
/// </summary>
public sealed class SignedJsonResult(int statusCode, byte[] body, string nonce, MessageSigner signer, TimeProvider time,
    string contentType = "application/json") : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var timestamp = MessageSigner.FormatTimestamp(time.GetUtcNow());
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        response.Headers[MessageSigner.TimestampHeader] = timestamp;
        response.Headers[MessageSigner.NonceHeader] = nonce;
        response.Headers[MessageSigner.SignatureHeader] = signer.Sign(timestamp, nonce, body);
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}

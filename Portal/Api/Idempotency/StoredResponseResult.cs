using Microsoft.Net.Http.Headers;

namespace Portal.Api.Idempotency;

/// <summary>Writes a captured answer: the first time as itself, later as a replay marked <c>Idempotent-Replayed: true</c>.</summary>
internal sealed class StoredResponseResult(CapturedResponse response, bool replayed) : IResult
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var http = httpContext.Response;
        http.StatusCode = response.StatusCode;
        http.ContentType = response.ContentType;
        if (response.Location is not null)
        {
            http.Headers[HeaderNames.Location] = response.Location;
        }
        if (replayed)
        {
            http.Headers[ReplayedHeader] = "true";
        }
        http.ContentLength = response.Body.Length;
        await http.Body.WriteAsync(response.Body, httpContext.RequestAborted);
    }
}

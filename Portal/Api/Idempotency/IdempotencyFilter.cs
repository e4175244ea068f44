using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;
using Portal.Api.Keys;

namespace Portal.Api.Idempotency;

/// <summary>
/// Every API POST through one door: the Idempotency-Key is claimed in the database before the handler runs, the
/// handler's answer is captured and stored, and a twin gets that answer again byte for byte. The same key with another
/// body is refused; a twin arriving while the first still runs waits for it, then gets 409. An answer of 5xx is not
/// stored: the key is released so that the client's retry does the work (4xx answers are stored, as Stripe does).
/// </summary>
internal sealed class IdempotencyFilter : IEndpointFilter
{
    public const string HeaderName = "Idempotency-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var caller = ApiCaller.Of(http);
        string? key = http.Request.Headers[HeaderName];
        if (string.IsNullOrWhiteSpace(key) || key.Length > IdempotencyRecord.KeyMaxLength)
        {
            return ApiProblems.BadRequest(
                $"Send an {HeaderName} header of 1 to {IdempotencyRecord.KeyMaxLength} characters (a new UUID per operation), so that a retry cannot act twice.",
                ApiErrorCodes.IdempotencyKeyRequired);
        }
        var body = await ApiRequestBody.ReadAsync(http);
        if (body is null)
        {
            return ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge,
                $"The request body is larger than {ApiRequestBody.MaxBytes / 1024} KB.", ApiErrorCodes.BadRequest);
        }

        var store = http.RequestServices.GetRequiredService<IdempotencyStore>();
        var claim = await store.ClaimAsync(caller.MerchantId, key, Fingerprint(http.Request, body), http.RequestAborted);
        switch (claim)
        {
            case IdempotencyClaim.Finished finished:
                return new StoredResponseResult(finished.Response, replayed: true);
            case IdempotencyClaim.Reused:
                return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity,
                    $"This {HeaderName} was already used with another request. Use a new key for a new operation.",
                    ApiErrorCodes.IdempotencyKeyReused);
            case IdempotencyClaim.InFlight:
                return ApiProblems.Problem(StatusCodes.Status409Conflict,
                    $"A request with this {HeaderName} is still being processed. Retry in a moment to get its answer.",
                    ApiErrorCodes.IdempotencyKeyInFlight);
        }
        var recordId = ((IdempotencyClaim.Claimed)claim).RecordId;

        CapturedResponse response;
        try
        {
            response = await CaptureAsync(http, await next(context));
        }
        catch
        {
            await store.ReleaseAsync(recordId);
            throw;
        }
        if (response.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            await store.ReleaseAsync(recordId);
            IdempotencyLog.KeyReleased(http.RequestServices.GetRequiredService<ILogger<IdempotencyFilter>>(), caller.MerchantId, response.StatusCode);
        }
        else
        {
            // Stored even if the client has gone: the work is done, and its retry must get this answer, not do it again.
            await store.CompleteAsync(recordId, response, CancellationToken.None);
        }
        return new StoredResponseResult(response, replayed: false);
    }

    /// <summary>Method, path and body: what makes two requests "the same" for one key.</summary>
    public static string Fingerprint(HttpRequest request, byte[] body)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path.Value}\n"));
        sha.AppendData(body);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Runs the handler's result into a buffer, so that the bytes the client gets are the bytes stored.</summary>
    private static async Task<CapturedResponse> CaptureAsync(HttpContext http, object? result)
    {
        if (result is not IResult executable)
        {
            throw new InvalidOperationException("Idempotent endpoints must return an IResult.");
        }
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await executable.ExecuteAsync(http);
            await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
        }
        finally
        {
            http.Response.Body = original;
        }
        string? location = http.Response.Headers[HeaderNames.Location];
        return new CapturedResponse(http.Response.StatusCode, http.Response.ContentType, location, buffer.ToArray());
    }
}

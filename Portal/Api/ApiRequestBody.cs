using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Api.Resources;

namespace Portal.Api;

/// <summary>
/// The JSON body of an API request, read once as bytes (the idempotency filter fingerprints exactly these) and then
/// parsed by the handler. Not JSON, or a field of the wrong type, is a 400 problem naming the field, never a 500.
/// </summary>
public static class ApiRequestBody
{
    public const int MaxBytes = 64 * 1024;

    private static readonly object ItemKey = new();

    /// <summary>The body's bytes, read on first use; null when it is larger than <see cref="MaxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var read))
        {
            return (byte[]?)read;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int count;
        while ((count = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + count > MaxBytes)
            {
                context.Items[ItemKey] = null;
                return null;
            }
            buffer.Write(chunk, 0, count);
        }
        var bytes = buffer.ToArray();
        context.Items[ItemKey] = bytes;
        return bytes;
    }

    /// <summary>
    /// The body as <typeparamref name="T"/>, or the problem to answer. A wrong type in one of
    /// <paramref name="validatedFields"/> (amounts sent as numbers, say) is a 422 on that field, like any invalid value.
    /// </summary>
    public static async Task<(T? Body, ProblemHttpResult? Problem)> TryReadAsync<T>(HttpContext context, params string[] validatedFields)
        where T : class
    {
        var bytes = await ReadAsync(context);
        if (bytes is null)
        {
            return (null, ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge,
                $"The request body is larger than {MaxBytes / 1024} KB.", ApiErrorCodes.BadRequest));
        }
        if (bytes.Length == 0)
        {
            return (null, ApiProblems.BadRequest("Send a JSON object as the request body."));
        }
        try
        {
            using (var document = JsonDocument.Parse(bytes))
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return (null, ApiProblems.BadRequest("The request body must be a JSON object."));
                }
            }
            return (JsonSerializer.Deserialize<T>(bytes, ApiJson.Options), null);
        }
        catch (JsonException ex)
        {
            var field = FieldOf(ex.Path);
            if (field is null)
            {
                return (null, ApiProblems.BadRequest("The request body is not valid JSON."));
            }
            return validatedFields.Contains(field, StringComparer.OrdinalIgnoreCase)
                ? (null, ApiProblems.Validation(field, "This field must be a JSON string."))
                : (null, ApiProblems.BadRequest($"The field \"{field}\" has the wrong type or an unknown value.",
                    errors: new Dictionary<string, string[]> { [field] = ["This field has the wrong type or an unknown value."] }));
        }
    }

    // "$.metadata.orderId" → "metadata", "$.methods[1]" → "methods": the field the client sent, not a path inside it.
    private static string? FieldOf(string? path)
    {
        if (path is null || !path.StartsWith("$.", StringComparison.Ordinal) || path.Length < 3)
        {
            return null;
        }
        var rest = path[2..];
        var end = rest.IndexOfAny(['.', '[']);
        return end < 0 ? rest : rest[..end];
    }
}

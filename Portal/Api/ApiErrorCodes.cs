namespace Portal.Api;

/// <summary>
/// The stable, machine-readable <c>code</c> of every API problem. Clients branch on these, never on titles, so a code
/// once published is never renamed.
/// </summary>
public static class ApiErrorCodes
{
    public const string BadRequest = "bad_request";
    public const string Unauthorized = "unauthorized";
    public const string InsufficientScope = "insufficient_scope";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string Conflict = "conflict";
    public const string ValidationFailed = "validation_failed";
    public const string RateLimited = "rate_limited";
    public const string InternalError = "internal_error";

    /// <summary>The same Idempotency-Key was sent with a different request body.</summary>
    public const string IdempotencyKeyReused = "idempotency_key_reused";

    /// <summary>A POST came without an Idempotency-Key, or with one longer than 255 characters.</summary>
    public const string IdempotencyKeyRequired = "idempotency_key_required";

    /// <summary>A request with the same Idempotency-Key is still being processed.</summary>
    public const string IdempotencyKeyInFlight = "idempotency_key_in_flight";

    /// <summary>The code a problem gets when whoever wrote it named none: one per status.</summary>
    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => Unauthorized,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status409Conflict => Conflict,
        StatusCodes.Status422UnprocessableEntity => ValidationFailed,
        StatusCodes.Status429TooManyRequests => RateLimited,
        >= 500 => InternalError,
        _ => BadRequest,
    };
}

namespace Portal.Webhooks;

/// <summary>One POST of a delivery: what came back (status code or error) and how long it took.</summary>
public sealed class WebhookAttempt
{
    public Guid Id { get; init; }

    public Guid DeliveryId { get; init; }

    public Guid MerchantId { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>The HTTP status the endpoint answered; null when none came (refused, timed out).</summary>
    public int? StatusCode { get; init; }

    /// <summary>Why it failed, in words; null when delivered.</summary>
    public string? Error { get; init; }

    public int DurationMs { get; init; }

    public bool Succeeded => Error is null;
}

namespace Portal.Api.Payments;

/// <summary>The query of <c>GET /api/v1/payments</c>, as text: <see cref="PaymentEndpoints"/> reads and checks each value.</summary>
public sealed class PaymentListParameters
{
    /// <summary>started, processing, succeeded, failed or abandoned.</summary>
    public string? Status { get; init; }

    /// <summary>real_time or fast.</summary>
    public string? Method { get; init; }

    /// <summary>Only the payments of this checkout.</summary>
    public string? CheckoutId { get; init; }

    /// <summary>Started at or after this UTC time.</summary>
    public string? CreatedFrom { get; init; }

    /// <summary>Started before this UTC time.</summary>
    public string? CreatedTo { get; init; }

    /// <summary>1 to 100; default 20.</summary>
    public string? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    public string? Cursor { get; init; }
}

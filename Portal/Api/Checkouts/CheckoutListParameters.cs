namespace Portal.Api.Checkouts;

/// <summary>The query of <c>GET /api/v1/checkouts</c>, as text: <see cref="CheckoutEndpoints"/> reads and checks each value.</summary>
public sealed class CheckoutListParameters
{
    /// <summary>open, paid, expired or cancelled.</summary>
    public string? Status { get; init; }

    /// <summary>The shop's reference, exactly.</summary>
    public string? Reference { get; init; }

    /// <summary>Created at or after this UTC time.</summary>
    public string? CreatedFrom { get; init; }

    /// <summary>Created before this UTC time.</summary>
    public string? CreatedTo { get; init; }

    /// <summary>1 to 100; default 20.</summary>
    public string? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    public string? Cursor { get; init; }
}

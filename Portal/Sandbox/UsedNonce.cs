namespace Portal.Sandbox;

/// <summary>A signed message the bank has already accepted; a second arrival is a replay.</summary>
public sealed class UsedNonce
{
    public required string Nonce { get; init; }

    public DateTimeOffset SeenAt { get; init; }
}

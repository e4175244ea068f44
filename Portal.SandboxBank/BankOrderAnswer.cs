namespace Portal.SandboxBank;

/// <summary>The bank's signed answer about one order.</summary>
public sealed record BankOrderAnswer(
    Guid OrderId,
    string Status,
    string? ReasonCode,
    string? ReasonMessage,
    DateTimeOffset? VerifiedAt,
    DateTimeOffset? ProcessedAt,
    string? RailReference)
{
    public static BankOrderAnswer From(BankOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new BankOrderAnswer(order.OrderId, order.Status.ToString(), order.ReasonCode, order.ReasonMessage,
            order.VerifiedAt, order.ProcessedAt, order.LedgerTransactionId?.ToString("N"));
    }
}

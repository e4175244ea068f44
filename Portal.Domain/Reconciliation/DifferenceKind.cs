namespace Portal.Domain.Reconciliation;

public enum DifferenceKind
{
    /// <summary>Portal says the money moved; the bank's statement has no such movement.</summary>
    MissingAtBank,

    /// <summary>The bank booked a movement that no Portal order explains.</summary>
    MissingInPortal,

    /// <summary>Both know the order, but the bank moved another amount (or in the other direction).</summary>
    AmountMismatch,

    /// <summary>The bank moved the money while Portal still shows the order in flight, failed or rejected.</summary>
    StatusMismatch,
}

namespace Portal.Domain.Reconciliation;

/// <summary>Which way an order moves money on the merchant's settlement account.</summary>
public enum OrderKind
{
    /// <summary>A customer's payment: credits the settlement account.</summary>
    Payment,

    /// <summary>Money given back: debits the settlement account.</summary>
    Refund,
}

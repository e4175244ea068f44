namespace Portal.Domain.Payments;

public enum PaymentStatus
{
    /// <summary>Steps 1–2: the customer is choosing or typing; nothing has been checked yet.</summary>
    Started,

    /// <summary>Steps 3–5: the order exists and is with the rail; money may be moving.</summary>
    Processing,

    /// <summary>The rail settled the payment.</summary>
    Succeeded,

    /// <summary>Refused or failed at some step; nothing was taken.</summary>
    Failed,

    /// <summary>The customer moved to another method before any order was created.</summary>
    Abandoned,
}

namespace Portal.Domain.Merchants;

/// <summary>What a fast payment's QR code carries. Stored by name.</summary>
public enum QrFormat
{
    /// <summary>A plain link to the wallet page for the payment: any phone camera opens it.</summary>
    Link,

    /// <summary>An EMVCo merchant-presented payload, for wallets that read EMV codes.</summary>
    Emv,
}

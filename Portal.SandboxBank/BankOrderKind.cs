namespace Portal.SandboxBank;

public enum BankOrderKind
{
    /// <summary>Payer to merchant, authorised by the payer's PIN.</summary>
    Payment,

    /// <summary>Merchant back to payer, authorised by the merchant's signed request alone.</summary>
    Refund,
}

namespace Portal.SandboxBank;

public enum BankAccountKind
{
    Payer,
    Merchant,
}

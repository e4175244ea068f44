namespace Portal.Sandbox;

public enum BankAccountKind
{
    Payer,
    Merchant,
}

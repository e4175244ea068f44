namespace Portal.Sandbox;

public enum BankOrderStatus
{
    Accepted,
    Settled,
    Rejected,
}

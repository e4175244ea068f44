namespace Portal.SandboxBank;

public enum BankOrderStatus
{
    Accepted,
    Settled,
    Rejected,
}

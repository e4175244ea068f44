namespace Portal.SandboxBank;

public enum BankAccountStatus
{
    Open,
    Closed,

    /// <summary>Too many wrong PINs: refuses payments until the bank unlocks it.</summary>
    Locked,
}

namespace Portal.Wallet;

public enum WalletCodeProblem
{
    Empty,
    NotOurs,
    Damaged,
}

namespace Portal.Wallet;

internal enum WalletState
{
    Approve,
    Processing,
    Succeeded,
    Failed,
    Expired,
    Paid,
    NotFast,
}

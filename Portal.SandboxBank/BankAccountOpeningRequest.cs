namespace Portal.SandboxBank;

/// <summary>
/// The JSON body of <c>POST /sandbox/bank/v1/accounts</c>: open a merchant's settlement account. Only merchant accounts
/// open this way; payers are the bank's own customers.
/// </summary>
public sealed record BankAccountOpeningRequest(string? Number, string? HolderName, string? Currency);

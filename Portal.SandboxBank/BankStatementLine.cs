namespace Portal.SandboxBank;

/// <summary>One ledger entry of an account: positive credits, negative debits, in minor units.</summary>
public sealed record BankStatementLine(Guid TransactionId, string Reference, DateTimeOffset PostedAt, long AmountMinorUnits);

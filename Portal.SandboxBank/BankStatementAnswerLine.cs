namespace Portal.SandboxBank;

public sealed record BankStatementAnswerLine(Guid TransactionId, string Reference, DateTimeOffset PostedAt, string Amount);

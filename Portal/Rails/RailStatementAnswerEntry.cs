namespace Portal.Rails;

/// <summary>One movement of a <see cref="RailStatementAnswer"/>: a signed decimal string, credits positive.</summary>
internal sealed record RailStatementAnswerEntry(Guid TransactionId, string? Reference, DateTimeOffset PostedAt, string? Amount);

using Portal.Domain.Common;

namespace Portal.Domain.Rails;

/// <summary>
/// What the rail booked on a settlement account between <see cref="From"/> (inclusive) and <see cref="To"/>
/// (exclusive): every ledger movement, credits positive and debits negative. <see cref="IsComplete"/> is false when
/// the rail cut the list short; a reconciliation of a cut list would report movements as missing that are not.
/// </summary>
public sealed record RailStatement(
    AccountNumber Account,
    Money Balance,
    DateTimeOffset From,
    DateTimeOffset To,
    bool IsComplete,
    IReadOnlyList<RailStatementLine> Lines);

namespace Portal.Rails;

/// <summary>The rail's signed statement of a settlement account, as read from the wire.</summary>
internal sealed record RailStatementAnswer(
    string? Account,
    string? Currency,
    string? Balance,
    IReadOnlyList<RailStatementAnswerEntry>? Entries,
    DateTimeOffset? Since,
    DateTimeOffset? Until,
    bool Complete);

namespace Portal.Totals;

/// <summary>
/// Whether a running-total row is one save's delta or a sum the compaction folded. Stored as its number, not a boolean:
/// SQLite's planner can seek an index on <c>"Kind" = 0</c> but not on <c>NOT "Folded"</c>, which is how a boolean's
/// test is written, and the compaction's search for deltas must not scan the whole table.
/// </summary>
public enum TotalRowKind
{
    Delta = 0,
    Folded = 1,
}

namespace Portal.Domain.Reconciliation;

/// <summary>
/// What a reconciliation found: how many orders agree with the bank, how many are still with the rail (no movement
/// expected yet), and every difference, oldest first.
/// </summary>
public sealed record ReconciliationResult(int MatchedCount, int InFlightCount, IReadOnlyList<ReconciliationDifference> Differences)
{
    public bool IsClean => Differences.Count == 0;
}

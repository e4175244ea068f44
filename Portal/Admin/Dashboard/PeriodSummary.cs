using Portal.Domain.Common;

namespace Portal.Admin.Dashboard;

/// <summary>
/// One period's payments: how many were started (abandoned attempts aside), how many succeeded and failed, and the
/// volume that succeeded, per currency.
/// </summary>
public sealed record PeriodSummary(string Label, int Count, int Succeeded, int Failed, IReadOnlyList<Money> Volume)
{
    /// <summary>Succeeded ÷ finished (succeeded + failed); payments still in flight are not counted either way.</summary>
    public decimal? SuccessRate => Succeeded + Failed == 0 ? null : (decimal)Succeeded / (Succeeded + Failed);
}

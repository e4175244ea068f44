using Portal.Domain.Common;

namespace Portal.Admin.Dashboard;

/// <summary>
/// One period's payments: how many were started (abandoned attempts aside), how many succeeded and failed, and the
/// volume that succeeded, per currency, and how many of the succeeded were paid from an account in another currency.
/// </summary>
public sealed record PeriodSummary(string Label, int Count, int Succeeded, int Failed, IReadOnlyList<Money> Volume,
    int CrossBorderSucceeded = 0)
{
    /// <summary>Cross-border ÷ succeeded: the share of the merchant's sales paid by payers in another currency.</summary>
    public decimal? CrossBorderShare => Succeeded == 0 ? null : (decimal)CrossBorderSucceeded / Succeeded;

    /// <summary>Succeeded ÷ finished (succeeded + failed); payments still in flight are not counted either way.</summary>
    public decimal? SuccessRate => Succeeded + Failed == 0 ? null : (decimal)Succeeded / (Succeeded + Failed);
}

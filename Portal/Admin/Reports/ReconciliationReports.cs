using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Rails;
using Portal.Domain.Reconciliation;
using Portal.Domain.Reports;
using Portal.Identity;

namespace Portal.Admin.Reports;

/// <summary>
/// Reconciles the signed-in staff member's merchant: its payments and refunds against the bank's statement of its
/// settlement account, which Portal asks for over the rail's signed HTTP like any other rail call (never by reading
/// the bank's database). The matching itself is <see cref="StatementReconciliation"/>'s.
/// </summary>
public sealed class ReconciliationReports(IDbContextFactory<PortalDbContext> contexts, IPaymentRail rail)
{
    /// <summary>
    /// How far beyond the period both sides are read, so that an order whose two halves fall on either side of
    /// midnight is matched rather than reported missing on both days. The bank books an order within seconds of its
    /// arrival, a fast one within minutes of its acceptance: an hour covers both with room for clocks that differ,
    /// where a day of margin made a busy day's reconciliation read three days on both sides.
    /// </summary>
    public static readonly TimeSpan Margin = TimeSpan.FromHours(1);

    public async Task<ReconciliationReport> ReconcileAsync(StaffMember staff, ReportPeriod period,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(period);
        var (from, to) = (period.Start - Margin, period.End + Margin);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.Merchants.AsNoTracking()
            .Where(m => m.Id == staff.MerchantId)
            .Select(m => m.SettlementAccount)
            .SingleAsync(cancellationToken);
        var records = await ReconciliationRecords.ReadAsync(db, staff.MerchantId, from, to, cancellationToken);

        var settlementAccount = AccountNumber.Parse(account);
        RailStatement? statement;
        try
        {
            statement = await rail.GetStatementAsync(settlementAccount, from, to, cancellationToken);
        }
        catch (RailUnavailableException ex)
        {
            throw new ReconciliationUnavailableException("The bank could not be reached for its statement. Nothing was compared; try again.", ex);
        }
        if (statement is null)
        {
            throw new ReconciliationUnavailableException(
                $"The bank has no settlement account {settlementAccount.Masked}. Check the merchant's settlement account.");
        }
        if (!statement.IsComplete)
        {
            // A cut statement would make every movement beyond the cut look missing: refuse rather than mislead.
            throw new DomainValidationException("to",
                "The bank's statement of this range is too long to reconcile at once; choose a shorter range.");
        }

        var result = StatementReconciliation.Reconcile(records, statement.Lines, period.Start, period.End);
        return new ReconciliationReport(period, settlementAccount.Masked, result);
    }
}

using System.Globalization;
using Portal.Domain.Common;
using Portal.Domain.Rails;

namespace Portal.Domain.Reconciliation;

/// <summary>
/// Matches Portal's orders with the movements on the bank's statement, by order id (the reference the bank books
/// each order under), and lists every disagreement.
/// </summary>
/// <remarks>
/// The bank books a movement a moment before Portal records the answer, so an order created just before midnight can
/// sit on one day in Portal and the next at the bank. Callers pass records and lines from a margin around the period;
/// each order is matched against everything, and only what belongs to the period (by Portal's order time, or the
/// bank's posting time for a movement Portal does not know) is counted or reported. An order is never reported as
/// missing on one side merely because its two halves fell on either side of a day boundary.
/// </remarks>
public static class StatementReconciliation
{
    public static ReconciliationResult Reconcile(IEnumerable<PortalOrderRecord> records, IEnumerable<RailStatementLine> lines,
        DateTimeOffset periodStart, DateTimeOffset periodEnd)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(lines);
        bool InPeriod(DateTimeOffset at) => at >= periodStart && at < periodEnd;

        var statement = lines.ToList();
        var linesByOrder = statement.Where(l => l.OrderId is not null)
            .GroupBy(l => l.OrderId!.Value)
            .ToDictionary(g => g.Key, g => g.ToList());
        var differences = new List<ReconciliationDifference>();
        var matched = 0;
        var inFlight = 0;

        foreach (var record in records)
        {
            // Removed when claimed: what stays in the dictionary afterwards is what no record explains.
            var booked = linesByOrder.Remove(record.OrderId, out var found) ? found : [];
            if (!InPeriod(record.At))
            {
                continue;
            }
            var difference = Compare(record, booked);
            if (difference is not null)
            {
                differences.Add(difference);
            }
            else if (record.Outcome == RecordedOutcome.InFlight)
            {
                inFlight++;
            }
            else
            {
                matched++;
            }
        }

        // What is left on the statement is the bank's alone: orders Portal never recorded, and movements that are not
        // orders at all (a payout, a correction).
        var unclaimed = statement.Where(l => l.OrderId is not { } id || linesByOrder.ContainsKey(id));
        differences.AddRange(unclaimed
            .Where(l => InPeriod(l.PostedAt))
            .Select(l => new ReconciliationDifference(DifferenceKind.MissingInPortal, l.Reference, null, l.Amount, l.PostedAt,
                l.OrderId is null
                    ? $"The bank booked a {Direction(l.Amount)} of {Format(Size(l.Amount))} that is not a Portal order."
                    : $"The bank booked a {Direction(l.Amount)} of {Format(Size(l.Amount))} for an order Portal has no record of.")));

        return new ReconciliationResult(matched, inFlight, differences
            .OrderBy(d => d.At)
            .ThenBy(d => d.Reference, StringComparer.Ordinal)
            .ToList());
    }

    private static ReconciliationDifference? Compare(PortalOrderRecord record, List<RailStatementLine> booked)
    {
        var reference = record.OrderId.ToString();
        var kind = record.Kind == OrderKind.Payment ? "payment" : "refund";
        if (booked.Count == 0)
        {
            return record.Outcome == RecordedOutcome.Settled
                ? new ReconciliationDifference(DifferenceKind.MissingAtBank, reference, record, null, null,
                    $"Portal shows this {kind} as {record.Status}, but the bank booked no movement for it.")
                : null;
        }

        var postedAt = booked.Max(l => l.PostedAt);
        if (booked.Any(l => l.Amount.Currency != record.Amount.Currency))
        {
            return new ReconciliationDifference(DifferenceKind.AmountMismatch, reference, record, null, postedAt,
                $"Portal recorded {Format(record.Amount)}; the bank booked it in {string.Join(", ", booked.Select(l => Format(l.Amount)))}.");
        }
        var bankAmount = booked.Select(l => l.Amount).Aggregate((a, b) => a + b);
        if (record.Outcome != RecordedOutcome.Settled)
        {
            return new ReconciliationDifference(DifferenceKind.StatusMismatch, reference, record, bankAmount, postedAt,
                $"Portal shows this {kind} as {record.Status}, but the bank settled it ({Format(bankAmount)}).");
        }
        if (bankAmount != record.ExpectedMovement)
        {
            return new ReconciliationDifference(DifferenceKind.AmountMismatch, reference, record, bankAmount, postedAt,
                booked.Count > 1
                    ? $"Portal recorded {Format(record.ExpectedMovement)}; the bank booked it {booked.Count} times, {Format(bankAmount)} in all."
                    : $"Portal recorded {Format(record.ExpectedMovement)}; the bank booked {Format(bankAmount)}.");
        }
        return null;
    }

    private static string Direction(Money amount) => amount.MinorUnits < 0 ? "debit" : "credit";

    private static Money Size(Money amount) => amount.MinorUnits < 0 ? -amount : amount;

    private static string Format(Money amount) =>
        $"{amount.Amount.ToString(CultureInfo.InvariantCulture)} {amount.Currency.Code}";
}

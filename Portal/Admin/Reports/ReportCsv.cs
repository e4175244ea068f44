using CsvHelper;
using Portal.Domain.Common;
using Portal.Domain.Reconciliation;
using Portal.Domain.Reports;

namespace Portal.Admin.Reports;

/// <summary>
/// The reports as CSV (RFC 4180, UTF-8, invariant culture), written straight to the response stream. Amounts are exact
/// decimals with the currency's minor digits; instants ISO 8601 in UTC; an empty report is its header line alone.
/// </summary>
public static class ReportCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly string[] SettlementHeader =
        ["Day", "Currency", "PaymentCount", "Gross", "RefundCount", "Refunds", "Fees", "Net", "FxPaymentCount", "FxVolume"];

    public static readonly string[] ReconciliationHeader =
        ["Difference", "Reference", "Type", "PortalStatus", "PortalAmount", "BankAmount", "PortalAt", "BankPostedAt", "Explanation"];

    // References and explanations come partly from the bank: a field that a spreadsheet would run as a formula is
    // written as text.
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    public static async Task WriteSettlementAsync(Stream destination, SettlementReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var csv = CsvWriter.Create(destination, Options, leaveOpen: true);
        csv.WriteHeader(SettlementHeader);
        foreach (var row in report.Rows)
        {
            csv.WriteField(row.Day, ReportPeriod.DateFormat);
            csv.WriteField(row.Currency.Code);
            csv.WriteField(row.PaymentCount, default);
            csv.WriteField(row.Gross.Amount, default);
            csv.WriteField(row.RefundCount, default);
            csv.WriteField(row.Refunds.Amount, default);
            csv.WriteField(row.Fees.Amount, default);
            csv.WriteField(row.Net.Amount, default);
            csv.WriteField(row.FxPaymentCount, default);
            csv.WriteField((row.FxVolume ?? Money.Zero(row.Currency)).Amount, default);
            await csv.EndRecordAsync(cancellationToken);
        }
        await csv.FlushAsync(cancellationToken);
    }

    public static async Task WriteReconciliationAsync(Stream destination, ReconciliationReport report,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var csv = CsvWriter.Create(destination, Options, leaveOpen: true);
        csv.WriteHeader(ReconciliationHeader);
        foreach (var difference in report.Result.Differences)
        {
            var portal = difference.Portal;
            csv.WriteField(difference.Kind.ToString());
            csv.WriteField(difference.Reference);
            csv.WriteField(portal?.Kind.ToString());
            csv.WriteField(portal?.Status);
            csv.WriteField(portal?.ExpectedMovement.Amount, default);
            csv.WriteField(difference.BankAmount?.Amount, default);
            csv.WriteField(portal?.At.ToUniversalTime(), "O");
            csv.WriteField(difference.BankPostedAt?.ToUniversalTime(), "O");
            csv.WriteField(difference.Explanation);
            await csv.EndRecordAsync(cancellationToken);
        }
        await csv.FlushAsync(cancellationToken);
    }
}

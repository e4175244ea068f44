using System.Globalization;
using CsvHelper;
using Portal.Domain.Payments;

namespace Portal.Admin.Payments;

/// <summary>
/// The payments CSV: RFC 4180, UTF-8, a header row always (so no payments still gives a valid file), amounts as exact
/// decimals beside their currency, instants in UTC, account numbers only as stored (masked). Text a spreadsheet could
/// take for a formula (a merchant reference starting with "=") is escaped. A cross-border payment also gives what the
/// payer paid in their currency (fee included), the fee, the rate (payer units per unit of the amount's currency) and the
/// quote's id; those columns are empty for a payment in one currency.
/// </summary>
public static class PaymentCsv
{
    public static readonly string[] Header =
    [
        "payment_id", "started_at_utc", "completed_at_utc", "method", "status", "amount", "currency", "payer_account",
        "merchant_reference", "failure_code", "failure_message", "duration_seconds", "seconds_per_100",
        "payer_currency", "payer_amount", "payer_fee", "fx_rate", "quote_id",
    ];

    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    /// <summary>Writes the header and then each row as it arrives; returns how many payments were written.</summary>
    public static async Task<int> WriteAsync(Stream destination, IAsyncEnumerable<PaymentExportRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(rows);
        var count = 0;
        await using var csv = CsvWriter.Create(destination, Options, leaveOpen: true);
        await csv.WriteRecordAsync(Header, cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync(Fields(row), cancellationToken);
            count++;
        }
        await csv.FlushAsync(cancellationToken);
        return count;
    }

    public static string[] Fields(PaymentExportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var amount = row.Amount;
        var seconds = row.Status == PaymentStatus.Succeeded && row.Duration is { } d ? (decimal)d.Ticks / TimeSpan.TicksPerSecond : (decimal?)null;
        return
        [
            row.Id.ToString(),
            Utc(row.StartedAt),
            row.CompletedAt is { } completed ? Utc(completed) : "",
            row.Method.ToString(),
            row.Status.ToString(),
            amount.ToAmountString(),
            row.CurrencyCode,
            row.PayerAccountMasked ?? "",
            row.Reference ?? "",
            row.FailureCode ?? "",
            row.FailureMessage ?? "",
            seconds is { } s ? decimal.Round(s, 3).ToString(CultureInfo.InvariantCulture) : "",
            seconds is { } t && amount.IsPositive ? decimal.Round(t / amount.Amount * 100m, 4).ToString(CultureInfo.InvariantCulture) : "",
            row.PayerCurrencyCode ?? "",
            row.PayerTotal?.ToAmountString() ?? "",
            row.PayerCurrencyCode is { } payerCurrency && row.PayerFeeMinorUnits is { } fee
                ? Domain.Common.Money.FromMinorUnits(fee, payerCurrency).ToAmountString()
                : "",
            row.FxRate?.ToString("0.##########", CultureInfo.InvariantCulture) ?? "",
            row.QuoteId ?? "",
        ];
    }

    private static string Utc(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

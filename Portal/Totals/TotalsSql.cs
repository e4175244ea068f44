namespace Portal.Totals;

/// <summary>
/// The running totals recounted from the payment and refund rows, in one grouped statement per table: what the rebuild
/// writes, what the check compares with, and what the migration that adds the tables fills them with. The text is the
/// same on every provider: instants are UTC ticks, so a day is an integer division; the casts keep SQL Server and
/// PostgreSQL on 64-bit integers.
/// </summary>
public static class TotalsSql
{
    private const string Day = "CAST(864000000000 AS BIGINT)";

    /// <summary>Columns MerchantId, Day, Method, CurrencyCode, Status, Count, AmountMinorUnits, CrossBorderCount.</summary>
    public const string PaymentDayRecount = $"""
        SELECT "MerchantId", CAST("MethodChosenAt" / {Day} AS INT) AS "Day", "Method", "CurrencyCode", "Status",
               CAST(COUNT(*) AS BIGINT) AS "Count", CAST(SUM("AmountMinorUnits") AS BIGINT) AS "AmountMinorUnits",
               CAST(SUM(CASE WHEN "QuoteId" IS NULL THEN 0 ELSE 1 END) AS BIGINT) AS "CrossBorderCount"
        FROM "Payments"
        GROUP BY "MerchantId", CAST("MethodChosenAt" / {Day} AS INT), "Method", "CurrencyCode", "Status"
        """;

    /// <summary>
    /// Columns MerchantId, Day, CurrencyCode, PaymentCount, GrossMinorUnits, FxPaymentCount, FxVolumeMinorUnits,
    /// RefundCount, RefundsMinorUnits: succeeded payments by the day they settled, succeeded refunds by the day they did.
    /// </summary>
    public const string SettlementDayRecount = $"""
        SELECT "MerchantId", "Day", "CurrencyCode",
               CAST(SUM("PaymentCount") AS BIGINT) AS "PaymentCount", CAST(SUM("Gross") AS BIGINT) AS "GrossMinorUnits",
               CAST(SUM("FxPaymentCount") AS BIGINT) AS "FxPaymentCount", CAST(SUM("FxVolume") AS BIGINT) AS "FxVolumeMinorUnits",
               CAST(SUM("RefundCount") AS BIGINT) AS "RefundCount", CAST(SUM("Refunds") AS BIGINT) AS "RefundsMinorUnits"
        FROM (
            SELECT "MerchantId", CAST("PayeeProcessedAt" / {Day} AS INT) AS "Day", "CurrencyCode",
                   CAST(1 AS BIGINT) AS "PaymentCount", CAST("AmountMinorUnits" AS BIGINT) AS "Gross",
                   CAST(CASE WHEN "QuoteId" IS NULL THEN 0 ELSE 1 END AS BIGINT) AS "FxPaymentCount",
                   CAST(CASE WHEN "QuoteId" IS NULL THEN 0 ELSE "AmountMinorUnits" END AS BIGINT) AS "FxVolume",
                   CAST(0 AS BIGINT) AS "RefundCount", CAST(0 AS BIGINT) AS "Refunds"
            FROM "Payments"
            WHERE "Status" = 'Succeeded' AND "PayeeProcessedAt" IS NOT NULL
            UNION ALL
            SELECT "MerchantId", CAST("ProcessedAt" / {Day} AS INT), "CurrencyCode",
                   CAST(0 AS BIGINT), CAST(0 AS BIGINT), CAST(0 AS BIGINT), CAST(0 AS BIGINT),
                   CAST(1 AS BIGINT), CAST("AmountMinorUnits" AS BIGINT)
            FROM "Refunds"
            WHERE "Status" = 'Succeeded' AND "ProcessedAt" IS NOT NULL
        ) AS "Settled"
        GROUP BY "MerchantId", "Day", "CurrencyCode"
        """;

    /// <summary>Fills the empty dashboard totals from the payments, as one folded row per key.</summary>
    public const string FillPaymentDayTotals = $"""
        INSERT INTO "PaymentDayTotals" ("MerchantId", "Day", "Method", "CurrencyCode", "Status", "Count", "AmountMinorUnits", "CrossBorderCount", "Kind")
        SELECT "MerchantId", "Day", "Method", "CurrencyCode", "Status", "Count", "AmountMinorUnits", "CrossBorderCount", 1
        FROM ({PaymentDayRecount}) AS "Recount"
        """;

    /// <summary>Fills the empty settlement totals from the payments and refunds, as one folded row per key.</summary>
    public const string FillSettlementDayTotals = $"""
        INSERT INTO "SettlementDayTotals" ("MerchantId", "Day", "CurrencyCode", "PaymentCount", "GrossMinorUnits", "FxPaymentCount", "FxVolumeMinorUnits", "RefundCount", "RefundsMinorUnits", "Kind")
        SELECT "MerchantId", "Day", "CurrencyCode", "PaymentCount", "GrossMinorUnits", "FxPaymentCount", "FxVolumeMinorUnits", "RefundCount", "RefundsMinorUnits", 1
        FROM ({SettlementDayRecount}) AS "Recount"
        """;
}

using Portal.Domain.Reports;

namespace Portal.Admin.Reports;

/// <summary>A merchant's settlement over a period: a row per UTC day and currency, and a total per currency.</summary>
public sealed record SettlementReport(ReportPeriod Period, IReadOnlyList<SettlementRow> Rows, IReadOnlyList<SettlementRow> Totals);

using Portal.Domain.Reconciliation;
using Portal.Domain.Reports;

namespace Portal.Admin.Reports;

/// <summary>Portal's orders reconciled with the bank's statement of the merchant's settlement account (masked).</summary>
public sealed record ReconciliationReport(ReportPeriod Period, string SettlementAccountMasked, ReconciliationResult Result);

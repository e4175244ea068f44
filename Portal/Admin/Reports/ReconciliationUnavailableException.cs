namespace Portal.Admin.Reports;

/// <summary>The bank's statement could not be had (bank unreachable, account unknown): nothing to reconcile against.</summary>
public sealed class ReconciliationUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

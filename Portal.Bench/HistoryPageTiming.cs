namespace Portal.Bench;

/// <summary>
/// One look at a page, in milliseconds from the navigation's start (or from the click or key that asked for new rows):
/// until the first useful content is visible, and for a navigation also until the whole document had arrived (the
/// server's render, by the browser's navigation timing) and until the page is interactive (its circuit up), which tell
/// where a slow page spends its time.
/// </summary>
internal sealed record HistoryPageTiming(double FirstContent, double? Html = null, double? Interactive = null);

namespace Portal.Bench;

/// <summary>Which figure of the history bench's last line a query counts toward (its slowest member).</summary>
internal enum HistoryGroup
{
    Grid,
    Search,
    Dashboard,
    Settlement,
    Report,
    Other,
}

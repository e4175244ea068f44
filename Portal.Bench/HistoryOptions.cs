using Portal.Data;

namespace Portal.Bench;

/// <summary>
/// <c>--history N</c>: the size of the history to grow (payments over <see cref="HistoryPlan.Days"/> days for one
/// merchant). Where it lives: on SQLite the file <c>--history-db PATH</c> (kept, so a built history is timed again and
/// again; a temp file otherwise), on PostgreSQL the database <c>--connection "…"</c> names (kept too), or else a fresh
/// database on the <c>--postgres</c> server or on a throw-away cluster, dropped at the end. A history that already holds
/// payments is reused as it is, not grown again. <c>--runs R</c> timed runs of each query after one warm-up (their
/// median is reported); <c>--query-timeout S</c> seconds after which a query is cancelled and reported as that long.
/// <c>--browser</c> then opens each page in Chromium as the Owner (<see cref="HistoryBrowserRun"/>): asked for, not on
/// whenever Chromium is there, because it adds minutes and a new last line that scripts reading the query line would
/// misread; a missing Chromium is named before the history is grown.
/// </summary>
internal sealed record HistoryOptions(int Count, DatabaseProvider Provider, string? HistoryDb, string? Connection, string? Server,
    int Runs, int QueryTimeoutSeconds, string? Chromium = null)
{
    public const int DefaultRuns = 3;

    public const int DefaultQueryTimeoutSeconds = 120;

    public static HistoryOptions Create(int? count, DatabaseProvider provider, string? historyDb, string? connection, string? server,
        int runs, int queryTimeoutSeconds, bool browser = false)
    {
        if (count is null)
        {
            throw new ArgumentException("--history-db and --connection go with --history N, the number of payments the history holds.");
        }
        if (historyDb is not null && provider != DatabaseProvider.Sqlite)
        {
            throw new ArgumentException("--history-db names a SQLite file; for PostgreSQL give --connection \"connection string\".");
        }
        if (connection is not null && provider != DatabaseProvider.Postgres)
        {
            throw new ArgumentException("--connection names a PostgreSQL database; it goes with --provider postgres.");
        }
        if (connection is not null && server is not null)
        {
            throw new ArgumentException("Give either --connection (the database to keep the history in) or --postgres (a server for a throw-away one).");
        }
        string? chromium = null;
        if (browser)
        {
            // Where the tests find it: Debian's Chromium unless PORTAL_CHROMIUM names another.
            chromium = Environment.GetEnvironmentVariable("PORTAL_CHROMIUM") ?? "/usr/bin/chromium";
            if (!File.Exists(chromium))
            {
                throw new ArgumentException($"--browser needs Chromium at {chromium} (PORTAL_CHROMIUM names another); without --browser the queries are timed alone.");
            }
        }
        return new HistoryOptions(count.Value, provider, historyDb is null ? null : Path.GetFullPath(historyDb), connection, server, runs,
            queryTimeoutSeconds, chromium);
    }
}

using System.Globalization;
using Portal.Data;

namespace Portal.Bench;

/// <summary>
/// The command line: <c>--payments N --concurrency C --warmup W</c>, or <c>--waiting N [--rate R] [--warmup W] [--deflate] [--hold S]</c>,
/// or <c>--api [N] [--concurrency C] [--warmup W]</c> (N checkouts through the merchant API; 2000 unless given); each
/// with <c>--provider sqlite|postgres</c> (SQLite unless given) and, for PostgreSQL, <c>--postgres "connection string"</c>
/// of a server where the bench may create and drop databases (else it starts a cluster of its own);
/// <c>--instances N</c> with <c>--waiting</c> spreads the pages over N instances on PostgreSQL and Redis;
/// <c>--cross-border S</c> with <c>--payments</c> makes that share of the payers hold USD accounts, each payment then
/// asking for its quote and paying it (the quote's round trip counted in the payment's latency);
/// <c>--waiting-client</c> is the bench starting its own client process (<see cref="WaitingClient"/>), not for people;
/// <c>--history N</c> grows N payments of history (<see cref="HistoryOptions"/>) and times the staff pages' queries on it;
/// with <c>--browser</c>, each page in Chromium too, from navigation to first content.
/// </summary>
internal sealed record BenchOptions(int Payments, int Concurrency, int? Warmup, int Waiting = 0, int Rate = 1000, bool Deflate = false, int Hold = 0,
    bool WaitingClient = false, bool Api = false, DatabaseProvider Provider = DatabaseProvider.Sqlite, string? Postgres = null,
    int Instances = 1, double CrossBorder = 0, HistoryOptions? History = null)
{
    /// <summary>Payments made before the measured ones, so that the code they run is compiled and warm. Defaults to 100.</summary>
    public int PaymentWarmup => Warmup ?? 100;

    /// <summary>API checkouts and key round trips made before the measured ones. Defaults to 200.</summary>
    public int ApiWarmup => Warmup ?? 200;

    /// <summary>Waiting pages opened and called back before the measured ones, then closed. Defaults to 500.</summary>
    public int WaitingWarmup => Warmup ?? 500;

    public static BenchOptions Parse(string[] args)
    {
        int payments = 2000, concurrency = 32, waiting = 0, rate = 1000;
        int? warmup = null;
        var deflate = false;
        var hold = 0;
        var waitingClient = false;
        var api = false;
        DatabaseProvider? provider = null;
        string? postgres = null;
        var instances = 1;
        var crossBorder = 0.0;
        int? history = null;
        string? historyDb = null, connection = null;
        var runs = HistoryOptions.DefaultRuns;
        var queryTimeout = HistoryOptions.DefaultQueryTimeoutSeconds;
        var browser = false;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--payments": payments = Positive(args[i], value); i++; break;
                case "--concurrency": concurrency = Positive(args[i], value); i++; break;
                case "--warmup": warmup = Positive(args[i], value, allowZero: true); i++; break;
                case "--waiting": waiting = Positive(args[i], value); i++; break;
                case "--rate": rate = Positive(args[i], value); i++; break;
                case "--deflate": deflate = true; break;
                case "--hold": hold = Positive(args[i], value, allowZero: true); i++; break;
                case "--waiting-client": waitingClient = true; break;
                case "--instances": instances = Positive(args[i], value); i++; break;
                case "--cross-border": crossBorder = Share(args[i], value); i++; break;
                case "--history": history = Positive(args[i], value); i++; break;
                case "--history-db": historyDb = value ?? throw new ArgumentException("--history-db needs a file path."); i++; break;
                case "--connection": connection = value ?? throw new ArgumentException("--connection needs a connection string."); i++; break;
                case "--runs": runs = Positive(args[i], value); i++; break;
                case "--query-timeout": queryTimeout = Positive(args[i], value); i++; break;
                case "--browser": browser = true; break;
                case "--provider": provider = ProviderOf(value); i++; break;
                case "--postgres": postgres = value ?? throw new ArgumentException("--postgres needs a connection string."); i++; break;
                case "--api":
                    api = true;
                    if (value is not null && !value.StartsWith("--", StringComparison.Ordinal))
                    {
                        payments = Positive(args[i], value);
                        i++;
                    }
                    break;
                default: throw new ArgumentException($"Unknown option {args[i]}. Use --payments N --concurrency C --warmup W, or --waiting N --rate R [--warmup W] [--deflate] [--hold S] [--instances N], or --api [N] [--concurrency C] [--warmup W], or --history N [--history-db PATH | --connection \"connection string\"] [--runs R] [--query-timeout S] [--browser (then each page in Chromium, time to first content; off unless given: it adds minutes and a last line of its own)]; --cross-border S (0..1) with --payments; with [--provider sqlite|postgres] [--postgres \"connection string\"].");
            }
        }
        if (history is not null || historyDb is not null || connection is not null)
        {
            return new BenchOptions(payments, concurrency, warmup, Provider: provider ?? DatabaseProvider.Sqlite, Postgres: postgres,
                History: HistoryOptions.Create(history, provider ?? DatabaseProvider.Sqlite, historyDb, connection, postgres, runs, queryTimeout,
                    browser));
        }
        if (browser)
        {
            throw new ArgumentException("--browser goes with --history N: it opens the staff pages on that history.");
        }
        if (postgres is not null && provider is DatabaseProvider.Sqlite)
        {
            throw new ArgumentException("--postgres names a PostgreSQL server; it goes with --provider postgres.");
        }
        // A server given is a choice of PostgreSQL, and so are several instances: they share a server database.
        provider ??= postgres is null && instances == 1 ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;
        if (instances > 1 && (provider != DatabaseProvider.Postgres || waiting == 0))
        {
            throw new ArgumentException("--instances N goes with --waiting on PostgreSQL: several instances share a server database and a Redis.");
        }
        return new BenchOptions(payments, concurrency, warmup, waiting, rate, deflate, hold, waitingClient, api, provider.Value, postgres,
            instances, crossBorder);
    }

    // A share of the payers, 0 to 1, in invariant digits.
    private static double Share(string name, string? value) =>
        double.TryParse(value, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var share) &&
        share is >= 0 and <= 1
            ? share
            : throw new ArgumentException($"{name} takes a share from 0 to 1, e.g. 0.5.");

    private static DatabaseProvider ProviderOf(string? value) => value?.ToLowerInvariant() switch
    {
        "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" => DatabaseProvider.Postgres,
        _ => throw new ArgumentException("--provider is sqlite or postgres."),
    };

    private static int Positive(string name, string? value, bool allowZero = false) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && (n > 0 || (allowZero && n == 0))
            ? n
            : throw new ArgumentException($"{name} needs a {(allowZero ? "non-negative" : "positive")} integer.");
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A throw-away PostgreSQL cluster of Debian's server binaries on a free loopback port, in a folder of its own: started
/// with initdb and pg_ctl (as the postgres user when the tests run as root, which PostgreSQL refuses to run as), stopped
/// and deleted on dispose. A test may stop it the way a crash does (<see cref="CrashAsync"/>) and start it again.
/// Portal.Bench compiles this file in too (linked, not copied), for its runs on PostgreSQL.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>Where every cluster the tests (and the bench) make lives, so that test.sh can stop any a killed run left behind.</summary>
    public static readonly string Root = Path.Combine(Path.GetTempPath(), "portal-tests", "postgres");

    private readonly string _directory;
    private readonly string _bin;
    private readonly string[] _settings;

    private PostgresServer(string directory, string bin, int port, string[] settings)
    {
        _directory = directory;
        _bin = bin;
        _settings = settings;
        Port = port;
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(_directory, "data");

    /// <summary>
    /// Connection string of a database on this cluster (user <c>portal</c>, trusted on loopback). Small idle pools:
    /// dozens of test apps share one cluster.
    /// </summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=portal;Database={database};Maximum Pool Size=40;Connection Idle Lifetime=15;Timeout=30";

    /// <summary>
    /// Starts a new cluster. <paramref name="durable"/> keeps PostgreSQL's defaults (fsync on), for tests that crash it;
    /// otherwise fsync is off, which survives a process crash but not a power cut, and is all a test needs.
    /// </summary>
    public static async Task<PostgresServer> StartAsync(bool durable = false, int maxConnections = 300)
    {
        var bin = FindBinaries();
        var directory = Path.Combine(Root, Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        GiveToPostgres(Root);
        GiveToPostgres(directory);
        var settings = new List<string> { $"max_connections={maxConnections}", "shared_buffers=32MB", "listen_addresses=127.0.0.1" };
        if (!durable)
        {
            settings.AddRange(["fsync=off", "full_page_writes=off"]);
        }
        var server = new PostgresServer(directory, bin, FreePort(), [.. settings]);
        await server.RunAsync("initdb", $"-D \"{server.DataDirectory}\" -A trust -U portal --no-sync -E UTF8 --locale=C.UTF-8");
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the cluster (again) on the same port and data.</summary>
    public Task StartAgainAsync()
    {
        var options = string.Join(' ', _settings.Select(s => $"-c {s}")) + $" -p {Port} -k {_directory}";
        return RunAsync("pg_ctl", $"-D \"{DataDirectory}\" -l \"{Path.Combine(_directory, "log")}\" -w -t 60 -o \"{options}\" start");
    }

    /// <summary>Stops the server at once, as a crash does: no checkpoint, clients cut off mid-statement.</summary>
    public Task CrashAsync() => RunAsync("pg_ctl", $"-D \"{DataDirectory}\" -m immediate -w stop");

    public async Task CreateDatabaseAsync(string name) =>
        await RunSqlAsync($"CREATE DATABASE \"{name}\"");

    public async Task DropDatabaseAsync(string name) =>
        await RunSqlAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await CrashAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped (a test crashed it and left it so).
        }
        // The server's last processes may still be closing their files for a moment after pg_ctl returns.
        for (var attempt = 1; Directory.Exists(_directory); attempt++)
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException) when (attempt < 10)
            {
                await Task.Delay(100);
            }
            catch (IOException)
            {
                // Left for the next test.sh run, which deletes everything under Root.
                return;
            }
        }
    }

    private async Task RunSqlAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task RunAsync(string program, string arguments)
    {
        var asRoot = Environment.UserName == "root";
        var start = asRoot
            ? new ProcessStartInfo("runuser", $"-u postgres -- \"{Path.Combine(_bin, program)}\" {arguments}")
            : new ProcessStartInfo(Path.Combine(_bin, program), arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} exited with {process.ExitCode}: {await error}{await output}");
        }
    }

    // PORTAL_POSTGRES_BIN (test.sh sets it), else the newest server Debian installed.
    private static string FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("PORTAL_POSTGRES_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException(
            "PostgreSQL's server is not installed (no /usr/lib/postgresql/*/bin/initdb). ./test.sh installs it with " +
            "apt-get (package postgresql); or set PORTAL_POSTGRES_BIN.");
    }

    private static void GiveToPostgres(string directory)
    {
        if (Environment.UserName != "root")
        {
            return;
        }
        using var chown = Process.Start(new ProcessStartInfo("chown", $"postgres:postgres \"{directory}\"") { UseShellExecute = false })!;
        chown.WaitForExit();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

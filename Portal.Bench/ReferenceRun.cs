using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portal.Bench;

/// <summary>
/// The least work any payment needs, at the same concurrency: one loopback HTTP round trip to a bare Kestrel endpoint
/// and three one-row SQLite commits (order, bank posting, result) in a scratch file with Portal's pragmas (WAL,
/// synchronous=NORMAL, busy_timeout).
/// </summary>
internal sealed class ReferenceRun : IAsyncDisposable
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    private readonly WebApplication _server;
    private readonly HttpClient _http;
    private readonly string _connectionString;
    private readonly string _directory;

    private ReferenceRun(WebApplication server, HttpClient http, string directory)
    {
        _server = server;
        _http = http;
        _directory = directory;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "reference.db") }.ToString();
    }

    public static async Task<ReferenceRun> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var server = builder.Build();
        server.MapPost("/pay", () => Results.Text("{\"status\":\"Settled\"}", "application/json"));
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var http = new HttpClient { BaseAddress = new Uri(address) };
        var directory = Directory.CreateTempSubdirectory("portal-bench-ref-").FullName;
        var run = new ReferenceRun(server, http, directory);
        await run.CreateSchemaAsync();
        return run;
    }

    public async Task<PaymentResults> RunAsync(int count, int concurrency)
    {
        var results = new PaymentResults(new Latencies(count));
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            await using var connection = await OpenAsync();
            await using var order = Insert(connection, "INSERT INTO orders (id, amount) VALUES ($id, 100)");
            await using var posting = Insert(connection, "INSERT INTO postings (order_id, amount) VALUES ($id, -100)");
            await using var result = Insert(connection, "INSERT INTO results (order_id, status) VALUES ($id, 'Succeeded')");
            using var body = new ByteArrayContent("{\"orderId\":1}"u8.ToArray());
            while (Interlocked.Increment(ref next) < count)
            {
                var id = Guid.CreateVersion7().ToString();
                var begin = Stopwatch.GetTimestamp();
                await ExecuteAsync(order, id);
                using (var response = await _http.PostAsync("pay", body))
                {
                    response.EnsureSuccessStatusCode();
                    await response.Content.ReadAsByteArrayAsync();
                }
                await ExecuteAsync(posting, id);
                await ExecuteAsync(result, id);
                results.Latencies.Add(begin, Stopwatch.GetTimestamp());
                Interlocked.Increment(ref results.Succeeded);
            }
        })));
        results.Elapsed = Stopwatch.GetElapsedTime(started);
        return results;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }
    }

    private async Task CreateSchemaAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE orders (id TEXT PRIMARY KEY, amount INTEGER NOT NULL);
            CREATE TABLE postings (id INTEGER PRIMARY KEY, order_id TEXT NOT NULL, amount INTEGER NOT NULL);
            CREATE TABLE results (order_id TEXT PRIMARY KEY, status TEXT NOT NULL);
            """;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = Pragmas;
        await pragmas.ExecuteNonQueryAsync();
        return connection;
    }

    private static SqliteCommand Insert(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add("$id", SqliteType.Text);
        command.Prepare();
        return command;
    }

    // Each statement outside a transaction is its own commit, as each step of a payment is.
    private static Task<int> ExecuteAsync(SqliteCommand command, string id)
    {
        command.Parameters[0].Value = id;
        return command.ExecuteNonQueryAsync();
    }
}

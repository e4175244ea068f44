using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portal.Bench;

/// <summary>
/// The least work any payment needs, at the same concurrency: one loopback HTTP round trip to a bare Kestrel endpoint
/// and three one-row commits (order, bank posting, result) in a scratch database of the provider Portal runs on.
/// </summary>
internal sealed class ReferenceRun : IAsyncDisposable
{
    private readonly WebApplication _server;
    private readonly HttpClient _http;
    private readonly ReferenceDatabase _database;

    private ReferenceRun(WebApplication server, HttpClient http, ReferenceDatabase database)
    {
        _server = server;
        _http = http;
        _database = database;
    }

    public static async Task<ReferenceRun> StartAsync(ReferenceDatabase database)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var server = builder.Build();
        server.MapPost("/pay", () => Results.Text("{\"status\":\"Settled\"}", "application/json"));
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var http = new HttpClient { BaseAddress = new Uri(address) };
        var run = new ReferenceRun(server, http, database);
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
            await using var connection = await _database.OpenAsync();
            await using var order = await InsertAsync(connection, "INSERT INTO orders (id, amount) VALUES (@id, 100)");
            await using var posting = await InsertAsync(connection, "INSERT INTO postings (order_id, amount) VALUES (@id, -100)");
            await using var result = await InsertAsync(connection, "INSERT INTO results (order_id, status) VALUES (@id, 'Succeeded')");
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
    }

    private async Task CreateSchemaAsync()
    {
        await using var connection = await _database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = _database.Schema;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<DbCommand> InsertAsync(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        var id = command.CreateParameter();
        id.ParameterName = "id";
        id.DbType = DbType.String;
        command.Parameters.Add(id);
        await command.PrepareAsync();
        return command;
    }

    // Each statement outside a transaction is its own commit, as each step of a payment is.
    private static Task<int> ExecuteAsync(DbCommand command, string id)
    {
        command.Parameters[0].Value = id;
        return command.ExecuteNonQueryAsync();
    }
}

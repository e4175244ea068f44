using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Data;
using Portal.Domain.Payments;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Admin;

/// <summary>
/// The payments CSV of a long history over a real socket: read page by page, every payment once in the list's order;
/// and when the client hangs up after its first rows, the server stops reading payments there instead of going on
/// through the whole history for nobody, and nothing of the export holds the database afterwards.
/// </summary>
public abstract class PaymentExportHangUpTests<TProvider>(PaymentExportHistory<TProvider> history)
    : IClassFixture<PaymentExportHistory<TProvider>> where TProvider : IProviderUnderTest
{
    protected const string Export = "admin/payments/export.csv";

    protected PaymentExportHistory<TProvider> History { get; } = history;

    [Fact]
    public async Task Export_LongHistory_EveryPaymentOnceNewestFirst()
    {
        using var client = await SignInWithoutDrainingAsync();

        var rows = CsvText.Parse(await client.GetStringAsync(Export));

        Assert.Equal(await NewestFirstAsync(), rows.Skip(1).Select(r => Guid.Parse(r[0])).ToList());
    }

    [Fact]
    public async Task Export_ClientHangsUpAfterTheFirstRows_StopsFarBeforeTheEnd()
    {
        using var client = await SignInWithoutDrainingAsync();
        var before = History.Log.Count;

        await HangUpAfterTheFirstRowsAsync(client);
        var stopped = await History.Log.WaitForAsync(r => r.EventName is "PaymentExportAbandoned" or "PaymentExportFinished", before);

        Assert.Equal("PaymentExportAbandoned", stopped.EventName);
        Assert.InRange((int)stopped.Values["Rows"]!, 1, PaymentExportHistory<TProvider>.Count / 4);
        await AssertNothingHoldsThePaymentsAsync();
    }

    protected static async Task HangUpAfterTheFirstRowsAsync(HttpClient client)
    {
        using var response = await client.GetAsync(Export, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync();
        await body.ReadExactlyAsync(new byte[16_384]);
    }

    // A client that goes away: the default handler would read up to a megabyte more to keep the connection for another request.
    protected async Task<HttpClient> SignInWithoutDrainingAsync()
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxResponseDrainSize = 0 })
        {
            BaseAddress = History.App.BaseAddress,
        };
        using var signedIn = await StaffHttpClient.SubmitFormAsync(client, "Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "viewer@demo.test",
            ["Input.Password"] = "Demo!Pass123",
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    // The list's order as the database sorts it (ids compare as it stores them), without the export's paging.
    private async Task<List<Guid>> NewestFirstAsync()
    {
        await using var db = await History.App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var demo = await Builders.DemoCheckouts.MerchantIdAsync(History.App.Services);
        return await db.Payments.AsNoTracking()
            .Where(p => p.MerchantId == demo && p.Status != PaymentStatus.Abandoned)
            .OrderByDescending(p => p.MethodChosenAt).ThenByDescending(p => p.Id)
            .Select(p => p.Id)
            .ToListAsync();
    }

    // A reader still open would pin its snapshot: SQLite could not empty its WAL, PostgreSQL could not lock the table.
    private async Task AssertNothingHoldsThePaymentsAsync()
    {
        await using var db = await History.App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        if (History.App.Provider == DatabaseProvider.Postgres)
        {
            // The app's own jobs may read payments for a moment: waiting up to 10 s for them is not waiting for an export.
            command.CommandText = """SET lock_timeout = '10s'; BEGIN; LOCK TABLE "Payments" IN ACCESS EXCLUSIVE MODE; ROLLBACK;""";
            await command.ExecuteNonQueryAsync();
            return;
        }
        // The app's connections wait up to 30 s for others (busy_timeout); the checkpoint waits as long for readers, then answers busy.
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await using var result = await command.ExecuteReaderAsync();
        Assert.True(await result.ReadAsync());
        Assert.Equal(0L, result.GetInt64(0));
    }
}

public sealed class PaymentExportHangUpOnSqliteTests(PaymentExportHistory<OnSqlite> history) : PaymentExportHangUpTests<OnSqlite>(history);

public sealed class PaymentExportHangUpOnPostgresTests(PaymentExportHistory<OnPostgres> history) : PaymentExportHangUpTests<OnPostgres>(history)
{
    // What PostgreSQL sent counts, not only what Portal wrote: one query read to its end would have the server send the
    // whole history (EF reads it all first when the context retries on failure, and a reader closed early still takes
    // in what the server had queued), however early the client went.
    [Fact]
    public async Task Export_ClientHangsUp_PostgresSendsAFractionOfTheHistory()
    {
        var database = new NpgsqlConnectionStringBuilder(
            History.App.Services.GetRequiredService<IConfiguration>()["ConnectionStrings:Portal"]).Database!;
        using var client = await SignInWithoutDrainingAsync();
        long whole;
        using (var read = new NpgsqlBytesRead(database))
        {
            var before = History.Log.Count;
            await client.GetByteArrayAsync(Export);
            await History.Log.WaitForAsync(r => r.EventName == "PaymentExportFinished", before);
            whole = read.Bytes;
        }
        using var hungUp = new NpgsqlBytesRead(database);
        var start = History.Log.Count;

        await HangUpAfterTheFirstRowsAsync(client);
        await History.Log.WaitForAsync(r => r.EventName == "PaymentExportAbandoned", start);

        Assert.InRange(hungUp.Bytes, 1, whole / 4);
    }
}

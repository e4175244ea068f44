using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Merchants;
using Portal.Rails;
using Portal.SandboxBank;
using static System.FormattableString;

namespace Portal.Bench;

/// <summary>
/// <c>--history N</c>: the real Portal (its migrations, seeding, DI and query services) on a database holding N
/// payments of the demo shop over <see cref="HistoryPlan.Days"/> days, grown through the domain in bulk or reused;
/// then each staff page's query and each report timed as the shop's Owner, in this process, without HTTP or rendering;
/// with <c>--browser</c>, then the pages themselves in Chromium (<see cref="HistoryBrowserRun"/>).
/// </summary>
internal sealed class HistoryRun(HistoryOptions options)
{
    private const string OwnerEmail = "owner@demo.test";
    private const string ManagerEmail = "manager@demo.test";

    // A query slower than this is timed once: repeating it would not change what it says, only how long the bench runs.
    private static readonly TimeSpan RepeatBelow = TimeSpan.FromSeconds(2);

    public async Task<int> RunAsync()
    {
        string? scratch = null;
        BenchDatabase? server = null;
        try
        {
            Dictionary<string, string?> settings;
            string where;
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                var file = options.HistoryDb;
                if (file is null)
                {
                    scratch = Directory.CreateTempSubdirectory("portal-history-").FullName;
                    file = Path.Combine(scratch, "history.db");
                }
                settings = new() { ["ConnectionStrings:Portal"] = new SqliteConnectionStringBuilder { DataSource = file }.ToString() };
                where = $"SQLite {file}{(scratch is null ? "" : " (temporary)")}";
            }
            else if (options.Connection is not null)
            {
                settings = new() { ["Database:Provider"] = nameof(DatabaseProvider.Postgres), ["ConnectionStrings:Portal"] = options.Connection };
                where = "PostgreSQL, the database --connection names";
            }
            else
            {
                server = await BenchDatabase.StartAsync(DatabaseProvider.Postgres, options.Server);
                settings = new(await server.PortalSettingsAsync());
                where = $"{server.Description}, a database dropped at the end";
            }
            if (HistoryBankDatabase.Setting(options) is { } bank)
            {
                settings.Add(bank.Key, bank.Value);
                where += $"; the bank's side in {new SqliteConnectionStringBuilder(bank.Value).DataSource}";
            }
            Console.WriteLine(Invariant($"Portal.Bench: a history of {options.Count} payments over {HistoryPlan.Days} days for {DemoData.DemoShop}, {Environment.ProcessorCount} cores, {where}."));
            await using var portal = new BenchPortal(settings);
            return await RunAsync(portal.Services, portal.BaseAddress);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (server is not null)
            {
                await server.DisposeAsync();
            }
            if (scratch is not null)
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    private async Task<int> RunAsync(IServiceProvider services, Uri baseAddress)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var sample = await FindSampleAsync(contexts);
        if (sample is null)
        {
            await BuildAsync(services, contexts);
            sample = await FindSampleAsync(contexts) ?? throw new InvalidOperationException("The history built has no payment in its middle.");
        }
        else if (!await HistoryBankDatabase.HoldsHistoryAsync(contexts, services.GetRequiredService<IDbContextFactory<SandboxBankDbContext>>()))
        {
            await Console.Error.WriteLineAsync("The history there was grown without the bank's side (or its bank file is gone): reconciliation would compare it with an empty statement. Grow it again in a new file or database.");
            return 2;
        }
        else
        {
            Console.WriteLine(Invariant($"Reusing the history already there: {sample.Payments} payments of {DemoData.DemoShop}, the last at {sample.End:u}."));
        }

        using var scope = services.CreateScope();
        await SignInAsync(scope.ServiceProvider, OwnerEmail);
        var queries = new HistoryQueries(scope.ServiceProvider, sample);
        var limit = TimeSpan.FromSeconds(options.QueryTimeoutSeconds);
        Console.WriteLine(Invariant($"Timing each query: one warm-up, then the median of {options.Runs} runs (once if it takes over {RepeatBelow.TotalSeconds:F0} s); cancelled after {limit.TotalSeconds:F0} s."));
        Console.WriteLine();
        Console.WriteLine("| query | ms | rows |");
        Console.WriteLine("|---|---:|---:|");
        var timings = new List<HistoryTiming>();
        foreach (var query in await queries.AllAsync())
        {
            var timing = await TimeAsync(query, limit);
            timings.Add(timing);
            Console.WriteLine(Invariant($"| {query.Name} | {timing.Shown} | {timing.Rows} |"));
        }
        await TimeExportAsync(queries, limit);

        Console.WriteLine();
        var slowest = timings.MaxBy(t => t.Milliseconds)!;
        Console.WriteLine(Invariant(
            $"history={sample.Payments} grid_ms={Slowest(timings, HistoryGroup.Grid)} search_ms={Slowest(timings, HistoryGroup.Search)} dashboard_ms={Slowest(timings, HistoryGroup.Dashboard)} settlement_ms={Slowest(timings, HistoryGroup.Settlement)} slowest={Slug(slowest.Query.Name)}:{slowest.Shown}"));
        if (options.Chromium is { } chromium)
        {
            await new HistoryBrowserRun(chromium, baseAddress, sample, limit).RunAsync();
        }
        return 0;
    }

    private async Task BuildAsync(IServiceProvider services, IDbContextFactory<PortalDbContext> contexts)
    {
        Merchant merchant;
        PortalUser owner, manager;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            merchant = await db.Merchants.AsNoTracking().SingleAsync(m => m.Name == DemoData.DemoShop);
            owner = await db.Users.AsNoTracking().SingleAsync(u => u.Email == OwnerEmail);
            manager = await db.Users.AsNoTracking().SingleAsync(u => u.Email == ManagerEmail);
        }
        var end = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var bankContexts = services.GetRequiredService<IDbContextFactory<SandboxBankDbContext>>();
        var rail = services.GetRequiredService<RailAddress>();
        var bank = new HistoryBank(merchant.SettlementAccount, rail.PaymentCallback.AbsoluteUri, rail.RefundCallback.AbsoluteUri,
            services.GetRequiredService<PinVerifier>().Hash(SandboxBankSeeder.DemoPin));
        var builder = new HistoryBuilder(merchant, Actor(manager), Actor(owner), OwnerEmail, options.Count, end, bank);
        Console.WriteLine(Invariant($"Growing the history: checkouts, payments, refunds and audit entries walked through the domain, saved through Portal's EF model in batches of {HistoryPlan.BatchSize} payments, change tracking off; the bank's orders and ledger through the bank's model beside them."));
        var counts = await HistoryWriter.WriteAsync(contexts, bankContexts, builder, bank, options.Count, Console.Out);
        var seconds = counts.Elapsed.TotalSeconds;
        Console.WriteLine(Invariant(
            $"Built {counts.Payments} payments, {counts.Checkouts} checkouts, {counts.Refunds} refunds, {counts.AuditEntries} audit entries and {counts.BankRows} rows of the bank's in {seconds:F1} s: {counts.Payments / seconds:F0} payments/s, {counts.Rows / seconds:F0} rows/s."));
        // The bulk writer bypasses SaveChanges, where the running totals are kept: count them once from the rows, as an
        // operator does after an import (`totals rebuild`).
        var recounted = Stopwatch.GetTimestamp();
        var (paymentDays, settlementDays) = await Portal.Totals.TotalsRecount.For(contexts).RebuildAsync();
        Console.WriteLine(Invariant($"Running totals rebuilt ({paymentDays} payment-day rows, {settlementDays} settlement-day rows) in {Stopwatch.GetElapsedTime(recounted).TotalSeconds:F1} s."));
        var analyzed = Stopwatch.GetTimestamp();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            // What a database that grew over months would have done on its own: statistics that see the history, so
            // the planner chooses as it would in production rather than for the tables it saw empty.
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
        Console.WriteLine(Invariant($"ANALYZE in {Stopwatch.GetElapsedTime(analyzed).TotalSeconds:F1} s, the bank's in {(await HistoryBankDatabase.AnalyzeAsync(bankContexts)).TotalSeconds:F1} s."));
    }

    private static StaffActor Actor(PortalUser user) => new(user.MerchantId!.Value, user.Id, user.DisplayName, user.Role);

    // The history's middle payment, found by the reference its checkout was given; null when there is no history yet.
    private static async Task<HistorySample?> FindSampleAsync(IDbContextFactory<PortalDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var merchantId = await db.Merchants.Where(m => m.Name == DemoData.DemoShop).Select(m => m.Id).SingleAsync();
        var first = HistoryPlan.ReferenceOf(0);
        if (!await db.Checkouts.AnyAsync(c => c.MerchantId == merchantId && c.MerchantReference == first))
        {
            return null;
        }
        var payments = await db.Payments.CountAsync(p => p.MerchantId == merchantId);
        var reference = HistoryPlan.ReferenceOf(payments / 2);
        var middle = await (
                from c in db.Checkouts
                join p in db.Payments on c.Id equals p.CheckoutId
                where c.MerchantId == merchantId && c.MerchantReference == reference
                select new { PaymentId = p.Id, CheckoutId = c.Id })
            .FirstAsync();
        var end = await db.Payments.Where(p => p.MerchantId == merchantId)
            .OrderByDescending(p => p.MethodChosenAt).Select(p => p.MethodChosenAt).FirstAsync();
        return new HistorySample(payments, end, middle.PaymentId, middle.CheckoutId, reference);
    }

    // The Owner signed in as Blazor signs a circuit in: the app's own claims for the stored user, handed to the scope's
    // authentication state, which CurrentStaff reads.
    private static async Task SignInAsync(IServiceProvider scope, string email)
    {
        var users = scope.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No staff member {email}.");
        var principal = await scope.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
        var authentication = (IHostEnvironmentAuthenticationStateProvider)scope.GetRequiredService<AuthenticationStateProvider>();
        authentication.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
    }

    private async Task<HistoryTiming> TimeAsync(HistoryQuery query, TimeSpan limit)
    {
        var (warm, rows, timedOut) = await RunOnceAsync(query, limit);
        if (timedOut || warm > RepeatBelow)
        {
            return new HistoryTiming(query, warm.TotalMilliseconds, rows, timedOut);
        }
        var times = new List<double>(options.Runs);
        for (var i = 0; i < options.Runs; i++)
        {
            var (took, _, late) = await RunOnceAsync(query, limit);
            if (late)
            {
                return new HistoryTiming(query, took.TotalMilliseconds, rows, true);
            }
            times.Add(took.TotalMilliseconds);
        }
        times.Sort();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[times.Count / 2 - 1] + times[times.Count / 2]) / 2;
        return new HistoryTiming(query, median, rows, false);
    }

    private static async Task<(TimeSpan Took, int Rows, bool TimedOut)> RunOnceAsync(HistoryQuery query, TimeSpan limit)
    {
        using var cancel = new CancellationTokenSource(limit);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var rows = await query.Run(cancel.Token);
            return (Stopwatch.GetElapsedTime(started), rows, false);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return (limit, 0, true);
        }
    }

    private static async Task TimeExportAsync(HistoryQueries queries, TimeSpan limit)
    {
        using var cancel = new CancellationTokenSource(limit * 2);
        var started = Stopwatch.GetTimestamp();
        var sink = new CountingSink();
        try
        {
            var rows = await queries.ExportAsync(sink, cancel.Token);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            Console.WriteLine(Invariant($"| CSV export, every payment (once) | {seconds * 1000:F0} | {rows} |"));
            Console.WriteLine(Invariant($"  export: {rows / seconds:F0} rows/s, {sink.Length / 1_000_000.0:F1} MB of CSV."));
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.WriteLine(Invariant($"| CSV export, every payment (once) | {(limit * 2).TotalMilliseconds:F0}+ | cancelled |"));
        }
    }

    private static string Slowest(List<HistoryTiming> timings, HistoryGroup group) =>
        timings.Where(t => t.Query.Group == group).MaxBy(t => t.Milliseconds)?.Shown ?? "-";

    // "grid: by amount" → "grid-by-amount": one token in the last line, which scripts split on spaces.
    private static string Slug(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        return slug.ToString().TrimEnd('-');
    }
}

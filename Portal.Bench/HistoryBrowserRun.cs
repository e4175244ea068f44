using Microsoft.Playwright;
using static System.FormattableString;

namespace Portal.Bench;

/// <summary>
/// <c>--history N --browser</c>: after the queries, each staff page of <see cref="HistoryPages"/> opened in Chromium
/// (headless, on the same cores as Portal) by the signed-in Owner, one warm-up then the median of <see cref="Runs"/>
/// looks; what the Owner waits for, where the query table says what the database takes.
/// </summary>
internal sealed class HistoryBrowserRun(string chromium, Uri baseAddress, HistorySample sample, TimeSpan limit)
{
    public const int Runs = 5;

    private const string OwnerEmail = "owner@demo.test";
    private const string OwnerPassword = "Demo!Pass123";

    public async Task RunAsync()
    {
        var pages = await TimeAllAsync();
        // Printed once the browser is gone, so that what its closing circuits log comes before the line scripts read.
        var slowest = pages.MaxBy(p => p.Milliseconds);
        Console.WriteLine();
        Console.WriteLine(Invariant($"browser: slowest={slowest.Name}:{slowest.Milliseconds:F0} median={Median(pages.Select(p => p.Milliseconds)):F0}"));
    }

    // Each page's median time to first content (the limit for a page that ran out of time), the table printed meanwhile.
    private async Task<List<(string Name, double Milliseconds)>> TimeAllAsync()
    {
        using var playwright = await Playwright.CreateAsync();
        // Launched as the tests' Browser launches it, so that a page measured here is the page they drive.
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-US",
        });
        context.SetDefaultTimeout((float)limit.TotalMilliseconds);
        var page = await context.NewPageAsync();
        await SignInAsync(page);

        Console.WriteLine();
        Console.WriteLine(Invariant($"Timing each page in Chromium ({chromium}, headless, 1280×800) as {OwnerEmail}: one warm-up, then the median of {Runs}; given up after {limit.TotalSeconds:F0} s."));
        Console.WriteLine("  first_content: from the navigation's start (or the click, or Enter) until the element showing the page's data is visible;");
        Console.WriteLine("  html: until the whole document had arrived (the server's render); interactive: until the page's circuit is up.");
        Console.WriteLine();
        Console.WriteLine("| page | first_content_ms | html_ms | interactive_ms |");
        Console.WriteLine("|---|---:|---:|---:|");
        var firsts = new List<(string Name, double Milliseconds)>();
        foreach (var measured in new HistoryPages(sample).All())
        {
            var timings = await TimeAsync(measured, page);
            if (timings is null)
            {
                Console.WriteLine(Invariant($"| {measured.Name} | {limit.TotalMilliseconds:F0}+ | - | - |"));
                firsts.Add((measured.Name, limit.TotalMilliseconds));
                // A page left mid-way may still be loading: the next one starts from a fresh tab.
                await page.CloseAsync();
                page = await context.NewPageAsync();
                continue;
            }
            var first = Median(timings.Select(t => t.FirstContent));
            Console.WriteLine(Invariant(
                $"| {measured.Name} | {first:F0} | {Shown(timings.Select(t => t.Html))} | {Shown(timings.Select(t => t.Interactive))} |"));
            firsts.Add((measured.Name, first));
        }
        return firsts;
    }

    // As AdminPageObject signs in: signed in once the server redirects to the portal with its cookie.
    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("Account/Login");
        await page.GetByLabel("Email").FillAsync(OwnerEmail);
        await page.GetByLabel("Password").FillAsync(OwnerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/admin", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
    }

    // Null when a look ran out of time: repeating it would only say the same thing after as long again.
    private static async Task<List<HistoryPageTiming>?> TimeAsync(HistoryPage measured, IPage page)
    {
        try
        {
            // The first look compiles the page's components and queries and fills the browser's cache.
            await measured.MeasureAsync(page);
            var timings = new List<HistoryPageTiming>(Runs);
            for (var i = 0; i < Runs; i++)
            {
                timings.Add(await measured.MeasureAsync(page));
            }
            return timings;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private static string Shown(IEnumerable<double?> values)
    {
        var known = values.OfType<double>().ToList();
        return known.Count == 0 ? "-" : Invariant($"{Median(known):F0}");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

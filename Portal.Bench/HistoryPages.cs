using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace Portal.Bench;

/// <summary>
/// Every staff page the browser bench opens, each with the element that shows its data, which is what its first useful
/// content means: opened by its own address where the page reads its state from the query string, else operated as the
/// Owner does (the grid's sort header and next-page button, the search box, the Reconcile button), timed from the click
/// or the key. When the pages change, this file is the one to follow them.
/// </summary>
internal sealed class HistoryPages(HistorySample sample)
{
    // The layout's mark that the circuit is up: before it, a click or a key on the prerendered page is lost.
    private const string Interactive = "[data-ready='true']";
    private const string PaymentRows = "tr.payment-row";

    // Waited for as enabled before a timed click: Playwright's own checks for a clickable element (stable over two
    // animation frames) would be counted as the page's time.
    private static readonly LocatorClickOptions Checked = new() { Force = true };

    public IReadOnlyList<HistoryPage> All()
    {
        var today = DateOnly.FromDateTime(sample.End.UtcDateTime);
        var day = Day(today.AddDays(-45));
        return
        [
            Open("dashboard", "admin", "[data-testid='30d-count']"),
            Open("grid-first-page", "admin/payments", PaymentRows),
            Open("grid-succeeded-100-500", "admin/payments?status=Succeeded&min=100&max=500", PaymentRows),
            new("grid-by-amount", page => ReplaceRowsAsync(page, () =>
                page.GetByRole(AriaRole.Columnheader, new() { Name = "Amount" }).GetByText("Amount", new() { Exact = true }).ClickAsync(Checked))),
            new("grid-next-page", page => ReplaceRowsAsync(page, () => NextPage(page).ClickAsync(Checked))),
            new("search-reference-prefix", page => SearchAsync(page, sample.Reference[..^2])),
            new("search-id-prefix", page => SearchAsync(page, sample.PaymentId.ToString()[..Domain.Payments.Payment.IdPrefixLength])),
            Open("refunds", "admin/refunds", "tr.refund-row"),
            Open("links", "admin/links", "tr.link-row"),
            Open("audit-log", "admin/audit", "tr.audit-row"),
            Open("settlement-366-days", $"admin/reports?from={Day(today.AddDays(-365))}&to={Day(today)}", "tr.settlement-row"),
            new("reconciliation-1-day", page => ReconcileAsync(page, $"admin/reports?from={day}&to={day}")),
        ];
    }

    // A new document: its response, its content and its circuit are awaited side by side, since on some pages the rows
    // come with the prerendered HTML and on others only once the circuit has loaded them.
    private static HistoryPage Open(string name, string path, string content) => new(name, async page =>
    {
        var started = Stopwatch.GetTimestamp();
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });
        var shown = VisibleAsync(page.Locator(content).First, started);
        var interactive = VisibleAsync(page.Locator(Interactive), started);
        await Task.WhenAll(shown, interactive);
        // The browser's own account of when the whole document had arrived, from the same navigation start.
        var html = await page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].responseEnd");
        return new HistoryPageTiming(shown.Result, html, interactive.Result);
    });

    private static async Task<double> VisibleAsync(ILocator locator, long started)
    {
        await locator.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        return Elapsed(started);
    }

    // The grid as the Owner finds it, loaded by its circuit: a next page to go to is the sign that its rows are the
    // circuit's, not the prerender's.
    private static async Task OpenGridAsync(IPage page)
    {
        await page.GotoAsync("admin/payments");
        await page.Locator(Interactive).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next page", Disabled = false }).WaitForAsync();
    }

    private static ILocator NextPage(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Next page" });

    // Until the grid's first row is another payment: the old rows may go first, the new ones come from the database.
    private static async Task<HistoryPageTiming> ReplaceRowsAsync(IPage page, Func<Task> act)
    {
        await OpenGridAsync(page);
        var first = await page.Locator($"{PaymentRows} a").First.GetAttributeAsync("href");
        var started = Stopwatch.GetTimestamp();
        await act();
        await page.WaitForFunctionAsync(
            "first => { const link = document.querySelector('tr.payment-row a'); return link !== null && link.getAttribute('href') !== first; }",
            first);
        return new HistoryPageTiming(Elapsed(started));
    }

    // Typed as people type, timed from Enter until every row shown is a match (an id prefix is in each row's link).
    private static async Task<HistoryPageTiming> SearchAsync(IPage page, string text)
    {
        await OpenGridAsync(page);
        var field = page.GetByLabel("Payment id or reference");
        await field.FillAsync(text);
        var started = Stopwatch.GetTimestamp();
        await field.PressAsync("Enter");
        await page.WaitForFunctionAsync(
            "text => { const rows = [...document.querySelectorAll('tr.payment-row')]; return rows.length > 0 && rows.every(r => r.innerHTML.includes(text)); }",
            text);
        return new HistoryPageTiming(Elapsed(started));
    }

    // The reconciliation runs when asked for (it calls the bank): timed from the click until its summary shows.
    private static async Task<HistoryPageTiming> ReconcileAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator(Interactive).WaitForAsync();
        var reconcile = page.GetByRole(AriaRole.Button, new() { Name = "Reconcile", Exact = true, Disabled = false });
        await reconcile.WaitForAsync();
        var started = Stopwatch.GetTimestamp();
        await reconcile.ClickAsync(Checked);
        await page.Locator(".reconciliation-summary").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        return new HistoryPageTiming(Elapsed(started));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static double Elapsed(long started) => Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}

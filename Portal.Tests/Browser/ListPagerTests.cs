using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Domain.Payments;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// The staff lists' pagers clicked in Chromium on a merchant with several pages of everything: each page shows exactly
/// the rows the database holds at that place in the list's order, so across pages none repeats and none is skipped.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ListPagerTests(BrowserAppFixture fixture)
{
    private const int Payments = 130;

    [Fact]
    public async Task Payments_NextNextPreviousFirst_EachPageTheListsNextRows()
    {
        var busy = await BusyMerchant.CreateAsync(fixture.App.Services, Payments, refunds: 0, auditEntries: 0);
        var expected = await PaymentsNewestFirstAsync(busy);
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var payments = await OpenPaymentsAsync(context, busy);

        await Expect(payments.Count).ToHaveTextAsync($"{Payments} payments");
        await ExpectRowsAsync(payments.Rows, expected[..50]);
        await Expect(payments.PreviousPage).ToBeDisabledAsync();
        await payments.NextPage.ClickAsync();
        await ExpectRowsAsync(payments.Rows, expected[50..100]);
        await payments.NextPage.ClickAsync();
        await ExpectRowsAsync(payments.Rows, expected[100..]);
        await Expect(payments.NextPage).ToBeDisabledAsync();
        await payments.PreviousPage.ClickAsync();
        await ExpectRowsAsync(payments.Rows, expected[50..100]);
        await payments.FirstPage.ClickAsync();
        await ExpectRowsAsync(payments.Rows, expected[..50]);
        await Expect(payments.FirstPage).ToBeDisabledAsync();
    }

    [Fact]
    public async Task Payments_Opened_FirstPageComesInTheServersHtml()
    {
        var busy = await BusyMerchant.CreateAsync(fixture.App.Services, Payments, refunds: 0, auditEntries: 0);
        var expected = await PaymentsNewestFirstAsync(busy);
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        await SignInAsync(context, busy);
        // The same session with no script: what the browser shows is the server's HTML alone, as before a circuit is up.
        await using var htmlOnly = await fixture.Browser.Instance.NewContextAsync(new()
        {
            BaseURL = fixture.App.BaseAddress.ToString(),
            JavaScriptEnabled = false,
            StorageState = await context.StorageStateAsync(),
        });
        var prerendered = new PaymentsPageObject(await htmlOnly.NewPageAsync());
        await prerendered.Page.GotoAsync("admin/payments");

        await ExpectRowsAsync(prerendered.Rows, expected[..50]);
        await Expect(prerendered.Count).ToHaveTextAsync($"{Payments} payments");
        // Its pager cannot page yet, and says so rather than swallow the click.
        await Expect(prerendered.NextPage).ToBeDisabledAsync();

        var admin = new AdminPageObject(context.Pages[0]);
        await admin.OpenPaymentsAsync();
        var payments = new PaymentsPageObject(admin.Page);
        await ExpectRowsAsync(payments.Rows, expected[..50]);
        await Expect(payments.NextPage).ToBeEnabledAsync();
        await payments.NextPage.ClickAsync();
        await ExpectRowsAsync(payments.Rows, expected[50..100]);
    }

    [Fact]
    public async Task Payments_FewerRowsPerPage_PagesThatMany()
    {
        var busy = await BusyMerchant.CreateAsync(fixture.App.Services, Payments, refunds: 0, auditEntries: 0);
        var expected = await PaymentsNewestFirstAsync(busy);
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var payments = await OpenPaymentsAsync(context, busy);
        await ExpectRowsAsync(payments.Rows, expected[..50]);

        await payments.ChooseRowsPerPageAsync(25);
        await ExpectRowsAsync(payments.Rows, expected[..25]);
        await payments.NextPage.ClickAsync();

        await ExpectRowsAsync(payments.Rows, expected[25..50]);
        await Expect(payments.Count).ToHaveTextAsync($"{Payments} payments");
    }

    [Fact]
    public async Task Payments_JumpToDate_StartsWithTheNewestPaymentOfThatDayOrBefore()
    {
        var busy = await BusyMerchant.CreateAsync(fixture.App.Services, Payments, refunds: 0, auditEntries: 0);
        var expected = await PaymentsNewestFirstAsync(busy);
        var day = DateOnly.FromDateTime(expected[70].At.UtcDateTime);
        var dayEnds = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var first = expected.FindIndex(p => p.At < dayEnds);
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var payments = await OpenPaymentsAsync(context, busy);
        await ExpectRowsAsync(payments.Rows, expected[..50]);

        await payments.JumpToDateAsync(day);

        await ExpectRowsAsync(payments.Rows, expected[first..(first + 50)]);
        Assert.True(first > 0 && expected[first - 1].At >= dayEnds);
        await Expect(payments.PreviousPage).ToBeEnabledAsync();
    }

    [Fact]
    public async Task Refunds_OlderOlderNewerNewest_EachPageTheListsNextRows()
    {
        var busy = await BusyMerchant.CreateAsync(fixture.App.Services, Payments, refunds: 60, auditEntries: 0);
        await using var db = await Contexts.CreateDbContextAsync();
        var expected = await db.Refunds.AsNoTracking().Where(r => r.MerchantId == busy.Merchant.Id)
            .OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id).Select(r => r.Note!).ToListAsync();
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = await SignInAsync(context, busy);
        await admin.OpenAsync("admin/refunds");

        await Expect(admin.Page.Locator(".refund-count")).ToHaveTextAsync("60 refunds");
        await WalkOlderOlderNewerNewestAsync(new KeysetListPageObject(admin.Page, "Refunds pages"), expected, pageSize: 25);
    }

    [Fact]
    public async Task Links_OlderOlderNewerNewest_EachPageTheListsNextRows()
    {
        var busy = await BusyMerchant.CreateAsync(fixture.App.Services, Payments, refunds: 0, auditEntries: 0);
        await using var db = await Contexts.CreateDbContextAsync();
        var expected = await db.Checkouts.AsNoTracking().Where(c => c.MerchantId == busy.Merchant.Id)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Select(c => c.MerchantReference!).ToListAsync();
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = await SignInAsync(context, busy);
        await admin.OpenAsync("admin/links");

        await WalkOlderOlderNewerNewestAsync(new KeysetListPageObject(admin.Page, "Payment link pages"), expected, pageSize: 50);
    }

    [Fact]
    public async Task AuditLog_OlderOlderNewerNewest_EachPageTheListsNextRows()
    {
        var busy = await BusyMerchant.CreateAsync(fixture.App.Services, payments: 0, refunds: 0, auditEntries: 60);
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = await SignInAsync(context, busy);
        // Read after signing in, which the log records too, as it did the owner's invitation.
        await using var db = await Contexts.CreateDbContextAsync();
        var expected = await db.AuditEntries.AsNoTracking().Where(e => e.MerchantId == busy.Merchant.Id)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => e.Summary).ToListAsync();
        await admin.OpenAsync("admin/audit");

        await WalkOlderOlderNewerNewestAsync(new KeysetListPageObject(admin.Page, "Audit log pages"), expected, pageSize: 25);
    }

    private IDbContextFactory<PortalDbContext> Contexts => fixture.App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    // Three pages or more: to the third, back one, back to the top.
    private static async Task WalkOlderOlderNewerNewestAsync(KeysetListPageObject list, List<string> expected, int pageSize)
    {
        Assert.True(expected.Count > 2 * pageSize, "The list must span three pages.");
        await ExpectRowsAsync(list.Rows, expected[..pageSize]);
        await Expect(list.Newest).ToBeDisabledAsync();
        await list.Older.ClickAsync();
        await ExpectRowsAsync(list.Rows, expected[pageSize..(2 * pageSize)]);
        await list.Older.ClickAsync();
        await ExpectRowsAsync(list.Rows, expected[(2 * pageSize)..Math.Min(expected.Count, 3 * pageSize)]);
        await list.Newer.ClickAsync();
        await ExpectRowsAsync(list.Rows, expected[pageSize..(2 * pageSize)]);
        await list.Newest.ClickAsync();
        await ExpectRowsAsync(list.Rows, expected[..pageSize]);
        await Expect(list.Newer).ToBeDisabledAsync();
    }

    // Exactly these rows in this order, each found by its own text (waits while the page loads).
    private static Task ExpectRowsAsync(ILocator rows, IEnumerable<string> texts) =>
        Expect(rows).ToHaveTextAsync(texts.Select(t => new Regex(Regex.Escape(t))));

    private static Task ExpectRowsAsync(ILocator rows, IEnumerable<(string Reference, DateTimeOffset At)> payments) =>
        ExpectRowsAsync(rows, payments.Select(p => p.Reference));

    // The grid's order as the database sorts it (ids compare as it stores them): newest first, then by id.
    private async Task<List<(string Reference, DateTimeOffset At)>> PaymentsNewestFirstAsync(BusyMerchant busy)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var rows = await db.Payments.AsNoTracking()
            .Where(p => p.MerchantId == busy.Merchant.Id && p.Status != PaymentStatus.Abandoned)
            .OrderByDescending(p => p.MethodChosenAt).ThenByDescending(p => p.Id)
            .Select(p => new { p.MerchantReference, p.MethodChosenAt })
            .ToListAsync();
        Assert.Equal(Payments, rows.Count);
        return [.. rows.Select(r => (r.MerchantReference!, r.MethodChosenAt))];
    }

    private static async Task<AdminPageObject> SignInAsync(IBrowserContext context, BusyMerchant busy)
    {
        var admin = new AdminPageObject(await context.NewPageAsync());
        await admin.SignInAsync(busy.OwnerEmail, DemoStaff.Password);
        return admin;
    }

    private static async Task<PaymentsPageObject> OpenPaymentsAsync(IBrowserContext context, BusyMerchant busy)
    {
        var admin = await SignInAsync(context, busy);
        await admin.OpenPaymentsAsync();
        return new PaymentsPageObject(admin.Page);
    }
}

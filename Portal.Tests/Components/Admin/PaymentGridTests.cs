using Microsoft.AspNetCore.Components;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Admin;
using Portal.Admin.Paging;
using Portal.Admin.Payments;
using Portal.Data;
using Portal.Domain.Payments;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Components.Admin;

/// <summary>The payments grid over the real queries and a migrated SQLite file, signed in as Demo Shop's staff.</summary>
public sealed class PaymentGridTests : AdminComponentTest, IAsyncLifetime
{
    private static readonly DateTimeOffset First = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
    private AdminDatabase _database = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _database = await AdminDatabase.CreateAsync();
        Services.AddSingleton<IDbContextFactory<PortalDbContext>>(_database);
        Services.AddSingleton(AdminDatabase.StaffOf(_database.Demo));
        Services.AddScoped<PaymentQueries>();
        Services.AddSingleton(TimeProvider.System);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<MudPopoverProvider>();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Render_Payments_ShowsThemWithTheirCount()
    {
        await SeedAsync(_database.Demo, 12);

        var cut = Render<PaymentGrid>();

        cut.WaitForAssertion(() => Assert.Equal(12, cut.FindAll("tr.payment-row").Count));
        Assert.Equal("12 payments", cut.Find(".payment-count").TextContent.Trim());
    }

    [Fact]
    public async Task Prerender_Payments_ShowsTheFirstPage()
    {
        var payments = await SeedAsync(_database.Demo, 60);
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render<PaymentGrid>();

        // Without a circuit the grid never asks for its rows: the prerender reads them, newest first, as the grid would.
        cut.WaitForAssertion(() => Assert.Equal(50, cut.FindAll("tr.payment-row").Count));
        Assert.Equal("60 payments", cut.Find(".payment-count").TextContent.Trim());
        Assert.Equal(payments[^1].Id, cut.Instance.Rows[0].Id);
        Assert.Empty(cut.FindAll(".empty-state"));
        Assert.True(cut.Instance.Page.HasNext);
    }

    [Fact]
    public void Render_NoPayments_ShowsEmptyStateWithCreateLink()
    {
        var cut = Render<PaymentGrid>(p => p.Add(c => c.ShowCreateLink, true));

        cut.WaitForAssertion(() => Assert.Contains("No payments yet — create a payment link", cut.Find(".empty-state").TextContent));
        Assert.Contains(cut.FindAll(".empty-state a"), a => a.GetAttribute("href") == "admin/links/new");
    }

    [Fact]
    public async Task Render_OtherMerchantsPaymentsOnly_ShowsEmptyState()
    {
        await SeedAsync(_database.Other, 5);

        var cut = Render<PaymentGrid>();

        cut.WaitForAssertion(() => Assert.Equal("No payments", cut.Find(".payment-count").TextContent.Trim()));
        Assert.Empty(cut.FindAll("tr.payment-row"));
    }

    [Fact]
    public async Task Render_StatusFilter_ShowsOnlyMatchingPayments()
    {
        await SeedAsync(_database.Demo, 30);

        var cut = Render<PaymentGrid>(p => p.Add(c => c.Filter, PaymentFilter.None with { Status = PaymentStatus.Failed }));

        cut.WaitForAssertion(() => Assert.Equal("3 payments", cut.Find(".payment-count").TextContent.Trim()));
        Assert.All(cut.Instance.Rows, r => Assert.Equal(PaymentStatus.Failed, r.Status));
    }

    [Fact]
    public async Task Render_FilterMatchingNothing_SaysSoAndOffersToClear()
    {
        await SeedAsync(_database.Demo, 3);

        var cut = Render<PaymentGrid>(p => p.Add(c => c.Filter, PaymentFilter.None with { Search = "NO-SUCH-REFERENCE" }));

        cut.WaitForAssertion(() => Assert.Contains("No payments match these filters", cut.Find(".empty-state").TextContent));
        Assert.Contains(cut.FindAll(".empty-state a"), a => a.GetAttribute("href") == "admin/payments");
    }

    [Fact]
    public async Task ApplyAsync_LaterStepOfShownPayment_UpdatesTheRowInPlace()
    {
        var payments = await SeedAsync(_database.Demo, 9);
        var inFlight = payments.Single(p => p.Status == PaymentStatus.Started);
        var cut = Render<PaymentGrid>();
        cut.WaitForAssertion(() => Assert.Equal(9, cut.FindAll("tr.payment-row").Count));

        var failed = PaymentSnapshot.Of(inFlight, "token") with { Status = PaymentStatus.Failed, FailureCode = "AM04", Version = inFlight.Version + 1 };
        await cut.InvokeAsync(() => cut.Instance.ApplyAsync(failed));

        cut.WaitForAssertion(() => Assert.Equal(PaymentStatus.Failed, cut.Instance.Rows.Single(r => r.Id == inFlight.Id).Status));
        Assert.Equal("HIST-00008", cut.Instance.Rows.Single(r => r.Id == inFlight.Id).Reference);
    }

    [Fact]
    public async Task Pager_NextThenPrevious_ShowsTheRestThenTheFirstPageAgain()
    {
        var payments = await SeedAsync(_database.Demo, 60);
        var cut = Render<PaymentGrid>();
        cut.WaitForAssertion(() => Assert.Equal(50, cut.FindAll("tr.payment-row").Count));

        cut.Find("button[aria-label='Next page']").Click();
        cut.WaitForAssertion(() => Assert.Equal(10, cut.FindAll("tr.payment-row").Count));
        Assert.Equal(payments[9].Id, cut.Instance.Rows[0].Id);
        Assert.True(cut.Find("button[aria-label='Next page']").HasAttribute("disabled"));

        cut.Find("button[aria-label='Previous page']").Click();
        cut.WaitForAssertion(() => Assert.Equal(50, cut.FindAll("tr.payment-row").Count));
        Assert.Equal(payments[^1].Id, cut.Instance.Rows[0].Id);
        Assert.True(cut.Find("button[aria-label='Previous page']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Pager_JumpToADay_StartsWithThatDaysLastPayment()
    {
        // One an hour from 20 November 08:00: the 21st's last is index 39, at 23:00.
        var payments = await new PaymentHistoryBuilder(_database.Demo).WithCount(60).StartingAt(First, TimeSpan.FromHours(1)).SaveAsync(_database);
        var cut = Render<PaymentGrid>();
        cut.WaitForAssertion(() => Assert.Equal(50, cut.FindAll("tr.payment-row").Count));

        var pager = cut.FindComponent<PaymentPager>();
        await cut.InvokeAsync(() => pager.Instance.OnJump.InvokeAsync(new DateOnly(2026, 11, 21)));

        cut.WaitForAssertion(() => Assert.Equal(payments[39].Id, cut.Instance.Rows[0].Id));
        Assert.Equal(40, cut.Instance.Rows.Count);
        Assert.True(cut.Instance.Page.HasPrevious);
    }

    [Fact]
    public async Task Render_MoreThanTheCountCap_SaysMoreThan()
    {
        await new PaymentHistoryBuilder(_database.Demo).WithCount(ListCount.Cap + 1).StartingAt(First, TimeSpan.FromSeconds(10)).SaveAsync(_database);

        var cut = Render<PaymentGrid>(p => p.Add(c => c.Filter, PaymentFilter.None with { IncludeAbandoned = true }));

        cut.WaitForAssertion(() => Assert.Equal("More than 10,000 payments", cut.Find(".payment-count").TextContent.Trim()));
    }

    private Task<IReadOnlyList<Payment>> SeedAsync(Portal.Domain.Merchants.Merchant merchant, int count) =>
        new PaymentHistoryBuilder(merchant).WithCount(count).StartingAt(First, TimeSpan.FromMinutes(5)).SaveAsync(_database);
}

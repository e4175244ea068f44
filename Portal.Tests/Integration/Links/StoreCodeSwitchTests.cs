using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Admin.Audit;
using Portal.Admin.Links;
using Portal.Audit;
using Portal.Data;
using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Links;

/// <summary>
/// An owner replaces or switches off the store QR code through the real app's services; its pages answer over real
/// HTTP as a phone posts them: a replaced code says so (410) and creates nothing, a switched-off one says the shop is
/// not taking payments by it, and the new or switched-on code works.
/// </summary>
public sealed partial class StoreCodeSwitchTests(LinksAppFixture fixture) : IClassFixture<LinksAppFixture>
{
    private readonly PortalApp _app = fixture.App;

    private IServiceProvider Services => _app.Services;

    [Fact]
    public async Task Renew_OldCode_SaysReplacedAsGoneAndCreatesNothing()
    {
        var old = await CurrentTokenAsync();

        await (await ActionsOfAsync(StaffRole.Owner)).RenewStoreCodeAsync();

        var before = await CheckoutCountAsync();
        using var client = NewClient();
        using var page = await client.GetAsync("pay/store/" + old);
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("This store code has been replaced. Ask the shop for its current code.",
            WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var (status, _, html) = await PostAmountAsync(old, "12.50", formFrom: await CurrentTokenAsync());
        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.Contains("has been replaced", html, StringComparison.Ordinal);
        Assert.Equal(before, await CheckoutCountAsync());
    }

    [Fact]
    public async Task Renew_NewCode_CreatesCheckout()
    {
        await (await ActionsOfAsync(StaffRole.Owner)).RenewStoreCodeAsync();

        var (status, location, _) = await PostAmountAsync(await CurrentTokenAsync(), "7.00");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Matches("pay/[A-Za-z0-9_-]{27}$", location ?? "");
    }

    [Fact]
    public async Task SwitchOff_Code_SaysNotTakingPaymentsAndCreatesNothing_SwitchOn_TakesPaymentsAgain()
    {
        var token = await CurrentTokenAsync();
        var before = await CheckoutCountAsync();
        // A phone that read the form before the code went off, and posts after.
        using var phone = NewClient();
        var antiforgery = AntiforgeryPattern().Match(await phone.GetStringAsync("pay/store/" + token)).Groups[1].Value;

        await (await ActionsOfAsync(StaffRole.Owner)).SwitchStoreCodeOffAsync();

        using var client = NewClient();
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("pay/store/" + token));
        Assert.Contains("This shop isn't taking payments by this code right now.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Continue to payment", page, StringComparison.Ordinal);
        var (_, _, html) = await SendAsync(phone, token, "12.50", antiforgery);
        Assert.Contains("This shop isn't taking payments by this code right now.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(before, await CheckoutCountAsync());

        await (await ActionsOfAsync(StaffRole.Owner)).SwitchStoreCodeOnAsync();

        var (status, _, _) = await PostAmountAsync(token, "3.00");
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal(before + 1, await CheckoutCountAsync());
    }

    [Theory]
    [InlineData(StaffRole.Manager)]
    [InlineData(StaffRole.Viewer)]
    public async Task RenewOrSwitchOff_NotOwner_IsForbiddenAndChangesNothing(StaffRole role)
    {
        var token = await CurrentTokenAsync();

        await Assert.ThrowsAsync<ForbiddenException>(async () => await (await ActionsOfAsync(role)).RenewStoreCodeAsync());
        await Assert.ThrowsAsync<ForbiddenException>(async () => await (await ActionsOfAsync(role)).SwitchStoreCodeOffAsync());

        Assert.Equal(token, await CurrentTokenAsync());
        var merchant = await DemoCheckouts.MerchantAsync(Services);
        Assert.True(merchant.IsStoreCodeTakingPayments);
    }

    [Fact]
    public async Task Renew_ByOwner_IsAudited()
    {
        await (await ActionsOfAsync(StaffRole.Owner)).RenewStoreCodeAsync();

        var merchant = await DemoCheckouts.MerchantAsync(Services);
        var log = await new AuditQueries(Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(),
            AdminDatabase.StaffOf(merchant, StaffRole.Owner)).ListAsync(new AuditQuery(Action: AuditActions.StoreCodeRenewed));
        Assert.NotEmpty(log.Rows);
        Assert.All(log.Rows, r => Assert.Equal(merchant.Id.ToString(), r.TargetId));
    }

    private async Task<LinkActions> ActionsOfAsync(StaffRole role)
    {
        var merchant = await DemoCheckouts.MerchantAsync(Services);
        return new LinkActions(Services.GetRequiredService<CheckoutLifecycle>(), AdminDatabase.StaffOf(merchant, role),
            Services.GetRequiredService<IAuditLog>(), Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(),
            Services.GetRequiredService<TimeProvider>());
    }

    private async Task<string> CurrentTokenAsync() => (await DemoCheckouts.MerchantAsync(Services)).StoreToken!;

    private HttpClient NewClient() => new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
    {
        BaseAddress = _app.BaseAddress,
    };

    // The antiforgery token is not tied to a page: a phone that read the form before the code was replaced posts the same.
    private Task<(HttpStatusCode Status, string? Location, string Html)> PostAmountAsync(string storeToken, string amount, string? formFrom = null) =>
        PostAsync(storeToken, amount, formFrom ?? storeToken);

    private async Task<(HttpStatusCode Status, string? Location, string Html)> PostAsync(string storeToken, string amount, string formFrom)
    {
        using var client = NewClient();
        var antiforgery = AntiforgeryPattern().Match(await client.GetStringAsync("pay/store/" + formFrom)).Groups[1].Value;
        return await SendAsync(client, storeToken, amount, antiforgery);
    }

    private static async Task<(HttpStatusCode Status, string? Location, string Html)> SendAsync(HttpClient client, string storeToken,
        string amount, string antiforgery)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "store-amount",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery),
            ["Amount"] = amount,
        });
        using var response = await client.PostAsync("pay/store/" + storeToken, form);
        return (response.StatusCode, response.Headers.Location?.ToString(), await response.Content.ReadAsStringAsync());
    }

    private async Task<int> CheckoutCountAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Checkouts.CountAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}

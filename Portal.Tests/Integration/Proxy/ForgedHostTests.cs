using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Payments;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using Portal.Tests.Integration.Links;

namespace Portal.Tests.Integration.Proxy;

/// <summary>
/// Requests that carry a Host of the sender's choosing: every address Portal hands back is still on
/// <c>Checkout:PublicBaseUrl</c>. Development, so the demo and the mailbox are there.
/// </summary>
public sealed class ForgedHostTests(ForgedHostTests.Fixture fixture) : IClassFixture<ForgedHostTests.Fixture>
{
    private const string PublicBaseUrl = "https://pay.portal.test/";
    private const string ForgedHost = "evil.example";

    public sealed class Fixture() : LinksAppFixture(new Dictionary<string, string?> { ["Checkout:PublicBaseUrl"] = PublicBaseUrl });

    [Fact]
    public async Task CreateCheckout_ForgedHost_AnswersAddressesOnPublicBaseUrl()
    {
        using var api = ApiKeyIssuer.Client(fixture.App, await ApiKeyIssuer.IssueAsync(fixture.App));
        api.DefaultRequestHeaders.Host = ForgedHost;
        api.DefaultRequestHeaders.Add("Idempotency-Key", Guid.NewGuid().ToString());

        using var response = await api.PostAsJsonAsync("api/v1/checkouts", new { amount = "12.00", currency = "CNY", description = "Forged" });

        var checkout = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            (true, true),
            (checkout.GetProperty("url").GetString()!.StartsWith(PublicBaseUrl + "pay/", StringComparison.Ordinal),
             checkout.GetProperty("qrCodeUrl").GetString()!.StartsWith(PublicBaseUrl + "pay/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ForgotPassword_ForgedHost_MailsLinkOnPublicBaseUrl()
    {
        var email = DemoStaff.NewEmail("forged");
        await DemoStaff.CreateAsync(fixture.App.Services, email);
        using var client = StaffHttpClient.Anonymous(fixture.App.BaseAddress);
        client.DefaultRequestHeaders.Host = ForgedHost;
        var fields = StaffHttpClient.HiddenFields(await client.GetStringAsync("Account/ForgotPassword"));
        fields["Input.Email"] = email;

        using var response = await client.PostAsync("Account/ForgotPassword", new FormUrlEncodedContent(fields));

        Assert.StartsWith(PublicBaseUrl + "Account/ResetPassword?code=", await MailedLinkAsync(email), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinksPage_ForgedHost_ShowsAddressesOnPublicBaseUrl()
    {
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services);

        var html = await OwnerGetsAsync("admin/links");

        Assert.Contains($"href=\"{PublicBaseUrl}pay/{checkout.Token}\"", html, StringComparison.Ordinal);
        Assert.Contains($"{PublicBaseUrl}pay/store/{fixture.StoreToken}", html, StringComparison.Ordinal);
        Assert.DoesNotContain(ForgedHost, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkPrintSheet_ForgedHost_CarriesAddressOnPublicBaseUrl()
    {
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services);

        var html = await OwnerGetsAsync($"admin/links/{checkout.Id}/print");

        Assert.Contains($"<p class=\"print-url\">{PublicBaseUrl}pay/{checkout.Token}</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(ForgedHost, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StorePrintSheet_ForgedHost_CarriesAddressOnPublicBaseUrl()
    {
        var html = await OwnerGetsAsync("admin/links/store/print");

        Assert.Contains($"<p class=\"print-url\">{PublicBaseUrl}pay/store/{fixture.StoreToken}</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(ForgedHost, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckoutPage_ForgedHost_WalletLinkOnPublicBaseUrl()
    {
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services);
        var payment = await fixture.App.Services.GetRequiredService<PaymentFlow>().ChooseMethodAsync(checkout.Token, PaymentMethod.Fast);
        using var customer = StaffHttpClient.Anonymous(fixture.App.BaseAddress);
        customer.DefaultRequestHeaders.Host = ForgedHost;

        var html = await customer.GetStringAsync($"pay/{checkout.Token}");

        Assert.Contains($"href=\"{PublicBaseUrl}wallet/{payment.PaymentId:N}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(ForgedHost, html, StringComparison.Ordinal);
    }

    private async Task<string> OwnerGetsAsync(string path)
    {
        using var owner = await StaffHttpClient.SignInAsync(fixture.App.BaseAddress, "owner@demo.test");
        owner.DefaultRequestHeaders.Host = ForgedHost;
        return await owner.GetStringAsync(path);
    }

    private async Task<string?> MailedLinkAsync(string email)
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.MailboxMessages.AsNoTracking()
            .Where(m => m.To == email && m.Subject == "Reset your Portal password")
            .Select(m => m.Link)
            .SingleAsync();
    }
}

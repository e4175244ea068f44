using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Checkouts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Links;

/// <summary>
/// The store QR code's amount page over real HTTP, as a phone posts it: a bad amount gets a message on the page and
/// creates nothing; a good one creates one checkout and redirects to its page.
/// </summary>
public sealed partial class StoreCodeTests(LinksAppFixture fixture) : IClassFixture<LinksAppFixture>
{
    private readonly PortalApp _app = fixture.App;
    private readonly string _storeToken = fixture.StoreToken;

    [Theory]
    [InlineData("0", "greater than zero")]
    [InlineData("-5", "greater than zero")]
    [InlineData("12.345", "at most 2 decimal places")]
    [InlineData("twelve", "Enter an amount as digits")]
    [InlineData("1,50", "Enter an amount as digits")]
    [InlineData("", "Enter the amount to pay")]
    [InlineData("99999999999999999999999999999999", "Enter an amount as digits")]
    [InlineData("2000000", "at most")]
    public async Task Post_BadAmount_SaysWhyAndCreatesNothing(string amount, string message)
    {
        var before = await CheckoutCountAsync();

        var (status, _, html) = await PostAmountAsync(amount);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(message, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await CheckoutCountAsync());
    }

    [Fact]
    public async Task Post_GoodAmount_RedirectsToNewCheckoutForThatAmount()
    {
        var (status, location, _) = await PostAmountAsync("12.50");

        Assert.Equal(HttpStatusCode.Redirect, status);
        var token = Assert.Single(TokenPattern().Matches(location ?? "")).Groups[1].Value;
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var checkout = await db.Checkouts.AsNoTracking().SingleAsync(c => c.Token == token);
        Assert.Equal(1250, checkout.AmountMinorUnits);
        Assert.Equal(Checkout.StoreReference, checkout.MerchantReference);
    }

    [Theory]
    [InlineData("0", "El importe debe ser mayor que cero.")]
    [InlineData("12,345", "Los importes en CNY llevan como máximo 2 decimales.")]
    [InlineData("2000000", "El importe puede ser como máximo CNY ")]
    public async Task Post_BadAmountInSpanish_SaysWhyInSpanish(string amount, string message)
    {
        var (status, _, html) = await PostAmountAsync(amount, "es-ES");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(message, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_DecimalCommaInSpain_RedirectsToCheckoutForThatAmount()
    {
        var (status, location, _) = await PostAmountAsync("12,50", "es-ES");

        Assert.Equal(HttpStatusCode.Redirect, status);
        var token = Assert.Single(TokenPattern().Matches(location ?? "")).Groups[1].Value;
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.Equal(1250, (await db.Checkouts.AsNoTracking().SingleAsync(c => c.Token == token)).AmountMinorUnits);
    }

    [Fact]
    public async Task Get_UnknownStoreToken_SaysNotActive()
    {
        using var client = NewClient();

        var response = await client.GetAsync(new Uri(_app.BaseAddress, "pay/store/" + new string('A', CheckoutToken.Length)));

        // As /pay/{token} does for an unknown link: the customer's own words rather than the site's error page.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This store code is not active", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private HttpClient NewClient() => new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
    {
        BaseAddress = _app.BaseAddress,
    };

    private async Task<(HttpStatusCode Status, string? Location, string Html)> PostAmountAsync(string amount, string language = "en")
    {
        using var client = NewClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var page = await client.GetStringAsync("pay/store/" + _storeToken);
        var antiforgery = AntiforgeryPattern().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "store-amount",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery),
            ["Amount"] = amount,
        });
        var response = await client.PostAsync("pay/store/" + _storeToken, form);
        return (response.StatusCode, response.Headers.Location?.ToString(), await response.Content.ReadAsStringAsync());
    }

    private async Task<int> CheckoutCountAsync()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Checkouts.CountAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();

    [GeneratedRegex("pay/([A-Za-z0-9_-]{27})$")]
    private static partial Regex TokenPattern();
}

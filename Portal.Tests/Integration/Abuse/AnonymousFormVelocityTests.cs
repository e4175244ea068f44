using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Tests.Infrastructure;
using Portal.Tests.Integration.Links;

namespace Portal.Tests.Integration.Abuse;

/// <summary>
/// Scripts posting the anonymous static forms (staff sign-in, the store code page) from one address, as a proxy the
/// app trusts reports it: past the limit they get 429 with Retry-After, and the page's handler never runs, so no
/// sign-in failure is counted and no checkout is created. Reading the pages is never limited.
/// </summary>
public sealed class AnonymousFormVelocityTests(AnonymousFormVelocityTests.Fixture fixture) : IClassFixture<AnonymousFormVelocityTests.Fixture>
{
    public const int SignInBurst = 3;
    public const int StoreBurst = 2;

    public sealed class Fixture() : LinksAppFixture(new Dictionary<string, string?>
    {
        ["ForwardedHeaders:KnownProxies"] = "127.0.0.1",
        ["VelocityLimits:AccountFormsPerAddress:Burst"] = SignInBurst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["VelocityLimits:AccountFormsPerAddress:Every"] = "01:00:00",
        ["VelocityLimits:StorePerAddress:Burst"] = StoreBurst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["VelocityLimits:StorePerAddress:Every"] = "01:00:00",
    });

    private PortalApp App => fixture.App;

    [Fact]
    public async Task SignIn_ScriptFromOneAddress_Gets429WithRetryAfterAndLocksNoAccount()
    {
        using var attacker = ClientFrom("198.51.100.10");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;

        for (var i = 0; i < SignInBurst + 3; i++)
        {
            var response = await StaffHttpClient.SubmitFormAsync(attacker, "Account/Login", new Dictionary<string, string>
            {
                ["Input.Email"] = "viewer@demo.test",
                ["Input.Password"] = "Wrong!Pass123",
            });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused?.Dispose();
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.All(statuses.Take(SignInBurst), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(statuses.Skip(SignInBurst), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        using (refused)
        {
            Assert.True(refused!.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
            Assert.Contains("Too many attempts from this connection. Please wait",
                WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        // The refused posts never reached Identity: the account counted only the tries that got through, and is not locked.
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var viewer = await users.FindByEmailAsync("viewer@demo.test");
        Assert.Equal(SignInBurst, viewer!.AccessFailedCount);
        Assert.False(await users.IsLockedOutAsync(viewer));
    }

    [Fact]
    public async Task SignIn_OverLimitFromOneAddress_OthersStillSignIn()
    {
        using var attacker = ClientFrom("198.51.100.11");
        for (var i = 0; i < SignInBurst; i++)
        {
            (await attacker.PostAsync("Account/Login", new FormUrlEncodedContent([]))).Dispose();
        }

        using var owner = ClientFrom("198.51.100.12");
        using var response = await StaffHttpClient.SubmitFormAsync(owner, "Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "owner@demo.test",
            ["Input.Password"] = DemoData.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var page = await attacker.GetAsync("Account/Login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task SignIn_OverLimitAskingForJson_GetsProblemDetails()
    {
        using var client = ClientFrom("198.51.100.13");
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        for (var i = 0; i < SignInBurst; i++)
        {
            // No antiforgery token: refused by the form, yet spent from the bucket, which comes first.
            (await client.PostAsync("Account/ForgotPassword", new FormUrlEncodedContent([]))).Dispose();
        }

        using var response = await client.PostAsync("Account/ForgotPassword", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"code\":\"rate_limited\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task StorePage_ScriptFromOneAddress_Gets429AndCreatesNoCheckoutPastTheLimit()
    {
        using var script = ClientFrom("198.51.100.20");
        var before = await CheckoutCountAsync();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < StoreBurst + 2; i++)
        {
            using var response = await StaffHttpClient.SubmitFormAsync(script, "pay/store/" + fixture.StoreToken,
                new Dictionary<string, string> { ["Amount"] = "1.00" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(before + StoreBurst, await CheckoutCountAsync());
        // The page itself still opens, and asks nothing (no captcha) of anyone.
        using var page = await script.GetAsync("pay/store/" + fixture.StoreToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task StorePage_CustomerOnAnotherAddress_IsNotHeldByTheScript()
    {
        using var script = ClientFrom("198.51.100.21");
        for (var i = 0; i < StoreBurst + 1; i++)
        {
            (await StaffHttpClient.SubmitFormAsync(script, "pay/store/" + fixture.StoreToken, new Dictionary<string, string> { ["Amount"] = "1.00" })).Dispose();
        }

        using var customer = ClientFrom("198.51.100.22");
        using var response = await StaffHttpClient.SubmitFormAsync(customer, "pay/store/" + fixture.StoreToken,
            new Dictionary<string, string> { ["Amount"] = "4.20" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    // As the trusted proxy on 127.0.0.1 passes a client's request on.
    private HttpClient ClientFrom(string address)
    {
        var client = StaffHttpClient.Anonymous(App.BaseAddress);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private async Task<int> CheckoutCountAsync()
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Checkouts.CountAsync();
    }
}

using System.Net;
using System.Net.Http.Headers;
using Portal.Hosting;
using Portal.Tests.Browser;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Instances;

/// <summary>
/// Two Portal instances behind nginx on one PostgreSQL and one Redis: every page is live whichever instance did the
/// work, a staff session holds on both, and an API key's limit holds for the deployment.
/// </summary>
public sealed class InstancesTests(InstancesFixture fixture) : IClassFixture<InstancesFixture>
{
    private const string Payer = "6200000000000001";

    [Fact]
    public async Task FastPayment_ApprovedThroughB_CheckoutOnATurnsPaidWithoutReload()
    {
        var secret = await fixture.IssueApiKeyAsync();
        var checkout = await fixture.CreateCheckoutAsync(secret, 27.40m, fixture.A);
        await using var desktop = await fixture.ContextOnAsync("a");
        await using var phone = await fixture.ContextOnAsync("b", width: 375, height: 667);
        var page = new CheckoutPageObject(await desktop.NewPageAsync());
        var opened = await page.Page.GotoAsync($"pay/{checkout.Token}");
        Assert.Equal("a", opened!.Headers[InstanceName.Header.ToLowerInvariant()]);
        await Expect(page.Page.Locator("main[data-ready='true']")).ToBeVisibleAsync();
        var link = await page.ShowFastCodeAsync();

        // The wallet's circuit lives on B: B sends the order, and the bank calls B back with the result.
        var wallet = new WalletPageObject(await phone.NewPageAsync());
        var walletOpened = await wallet.Page.GotoAsync(link);
        Assert.Equal("b", walletOpened!.Headers[InstanceName.Header.ToLowerInvariant()]);
        await wallet.OpenAsync(link);
        await wallet.ApproveAsync(Payer, "123456");

        await Expect(wallet.Paid).ToBeVisibleAsync();
        await Expect(page.SuccessHeading).ToBeVisibleAsync();
        await page.Page.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Artifacts, "instances-checkout-paid-on-a.png"), FullPage = true });
    }

    [Fact]
    public async Task StaffSignedInThroughA_IsSignedInOnB_AndSeesPaymentsSettledOnBLive()
    {
        await using var staff = await fixture.ContextOnAsync("a");
        var dashboard = new DashboardPageObject(await staff.NewPageAsync());
        await dashboard.SignInAsync("owner@demo.test");
        await using var onB = await fixture.ContextOnAsync("b");
        await onB.AddCookiesAsync((await staff.CookiesAsync()).Where(c => c.Name != "portal_instance").Select(c => new Microsoft.Playwright.Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Secure = c.Secure, HttpOnly = c.HttpOnly,
        }));
        var payments = new AdminPageObject(await onB.NewPageAsync());
        var answer = await payments.Page.GotoAsync("admin/payments");
        Assert.Equal("b", answer!.Headers[InstanceName.Header.ToLowerInvariant()]);
        await Expect(payments.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/payments$"));

        await dashboard.OpenAsync();
        var admin = new AdminPageObject(dashboard.Page);
        var before = await dashboard.TodaySucceededAsync();
        var secret = await fixture.IssueApiKeyAsync();
        var checkout = await fixture.CreateCheckoutAsync(secret, 61.15m, fixture.B);
        await using var customer = await fixture.ContextOnAsync("b");
        var pay = new CheckoutPageObject(await customer.NewPageAsync());
        await pay.OpenAsync(checkout.Token);
        await pay.PayRealTimeAsync(Payer, "123456");
        await Expect(pay.SuccessHeading).ToBeVisibleAsync();

        await Expect(dashboard.TodaySucceeded).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await admin.OpenPaymentsAsync();
        await Expect(admin.RowWith("61.15")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ApiKeyBurst_SpentAcrossBothInstances_NextRequestRefusedWhicheverAnswers()
    {
        var secret = await fixture.IssueApiKeyAsync();
        var answers = new List<(string Instance, HttpStatusCode Status)>();
        var started = DateTime.UtcNow;
        for (var i = 0; i < 4 * InstancesFixture.ApiBurst; i++)
        {
            var instance = i % 2 == 0 ? fixture.A : fixture.B;
            using var client = new HttpClient { BaseAddress = instance.BaseAddress };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            using var response = await client.GetAsync("api/v1/key");
            answers.Add((instance == fixture.A ? "a" : "b", response.StatusCode));
        }
        var elapsedSeconds = (int)Math.Ceiling((DateTime.UtcNow - started).TotalSeconds);

        var allowed = answers.Count(a => a.Status == HttpStatusCode.OK);
        // One bucket for the deployment: the burst, and at most a token a second more; per instance it would be twice.
        Assert.InRange(allowed, InstancesFixture.ApiBurst, InstancesFixture.ApiBurst + elapsedSeconds);
        Assert.Contains(("a", HttpStatusCode.TooManyRequests), answers);
        Assert.Contains(("b", HttpStatusCode.TooManyRequests), answers);
        Assert.All(answers, a => Assert.Contains(a.Status, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
    }

    [Fact]
    public async Task RedisDown_CheckoutOnAStillTurnsPaid_FromTheDatabase_AndReadySaysWhy_ThenLiveAgainWhenItReturns()
    {
        var secret = await fixture.IssueApiKeyAsync();
        var checkout = await fixture.CreateCheckoutAsync(secret, 12.05m, fixture.A);
        await using var desktop = await fixture.ContextOnAsync("a");
        var page = new CheckoutPageObject(await desktop.NewPageAsync());
        await page.OpenAsync(checkout.Token);
        var link = await page.ShowFastCodeAsync();

        fixture.Redis.Stop();
        try
        {
            using var direct = new HttpClient { BaseAddress = fixture.A.BaseAddress };
            var ready = "";
            for (var attempt = 0; attempt < 100 && !ready.Contains("Redis is unreachable", StringComparison.Ordinal); attempt++)
            {
                ready = await direct.GetStringAsync("health/ready");
                await Task.Delay(100);
            }
            Assert.Contains("\"status\":\"Degraded\"", ready, StringComparison.Ordinal);
            Assert.Contains("Redis is unreachable", ready, StringComparison.Ordinal);

            await using var phone = await fixture.ContextOnAsync("b", width: 375, height: 667);
            var wallet = new WalletPageObject(await phone.NewPageAsync());
            await wallet.OpenAsync(link);
            await wallet.ApproveAsync(Payer, "123456");
            await Expect(wallet.Paid).ToBeVisibleAsync();
            // No message can cross: A's page learns it from the database within its catch-up interval.
            await Expect(page.SuccessHeading).ToBeVisibleAsync();
        }
        finally
        {
            await fixture.Redis.StartAgainAsync();
        }

        // Redis is back: both buses reconnect by themselves, and the next change crosses over them again.
        foreach (var instance in new[] { fixture.A, fixture.B })
        {
            using var direct = new HttpClient { BaseAddress = instance.BaseAddress };
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!(await direct.GetStringAsync("health/ready")).Contains("\"status\":\"Healthy\"", StringComparison.Ordinal))
            {
                Assert.True(DateTime.UtcNow < deadline, "The bus never reconnected.");
                await Task.Delay(200);
            }
        }
        var next = await fixture.CreateCheckoutAsync(secret, 12.06m, fixture.A);
        var nextPage = new CheckoutPageObject(await desktop.NewPageAsync());
        await nextPage.OpenAsync(next.Token);
        var nextLink = await nextPage.ShowFastCodeAsync();
        await using var nextPhone = await fixture.ContextOnAsync("b", width: 375, height: 667);
        var nextWallet = new WalletPageObject(await nextPhone.NewPageAsync());
        await nextWallet.OpenAsync(nextLink);
        await nextWallet.ApproveAsync(Payer, "123456");
        await Expect(nextPage.SuccessHeading).ToBeVisibleAsync();
    }

    [Fact]
    public async Task StorePageBurst_SpentAcrossBothInstances_NextPostRefusedWhicheverAnswers()
    {
        var token = await fixture.EnableStoreCodeAsync();
        var answers = new List<(string Instance, HttpStatusCode Status)>();

        for (var i = 0; i < 2 * InstancesFixture.StoreBurst; i++)
        {
            var instance = i % 2 == 0 ? fixture.A : fixture.B;
            using var client = StaffHttpClient.Anonymous(instance.BaseAddress);
            // One client, as the proxy both instances trust reports it.
            client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.90");
            using var response = await StaffHttpClient.SubmitFormAsync(client, "pay/store/" + token,
                new Dictionary<string, string> { ["Amount"] = "1.00" });
            answers.Add((instance == fixture.A ? "a" : "b", response.StatusCode));
        }

        // One bucket for the deployment: the burst once, not once per instance.
        Assert.Equal(InstancesFixture.StoreBurst, answers.Count(a => a.Status == HttpStatusCode.Redirect));
        Assert.Contains(("a", HttpStatusCode.TooManyRequests), answers);
        Assert.Contains(("b", HttpStatusCode.TooManyRequests), answers);
    }
}

using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Admin.Payments;
using Portal.Data;
using Portal.Domain.Merchants;
using Portal.Identity;

namespace Portal.Tests.Integration.Accounts;

/// <summary>
/// Who must sign in with two factors, over HTTP: until they set it up, every merchant and operator address sends them
/// to the set-up page, and their own account pages stay open. Here the demo's Development exemption is off too.
/// </summary>
public sealed class TwoFactorRequiredTests(TwoFactorRequiredTests.App fixture) : IClassFixture<TwoFactorRequiredTests.App>
{
    private const string SetUp = "/Account/Manage/EnableAuthenticator";

    [Theory]
    [InlineData("admin")]
    [InlineData("admin/payments")]
    [InlineData("admin/team")]
    public async Task Owner_WithoutTwoFactor_IsSentToSetUpFromEveryAdminPage(string path)
    {
        using var owner = await SignedInAsync(await fixture.NewStaffAsync("own", StaffRole.Owner));

        using var answer = await owner.GetAsync(path);

        Assert.Equal(SetUp, StaffAuthApp.RedirectPath(answer));
    }

    [Fact]
    public async Task Owner_WithoutTwoFactor_CannotExport()
    {
        using var owner = await SignedInAsync(await fixture.NewStaffAsync("exp", StaffRole.Owner));

        using var answer = await owner.GetAsync(PaymentExportEndpoints.Path.TrimStart('/'));

        // An API-style endpoint: refused outright rather than redirected, as the cookie handler does for those.
        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
    }

    [Fact]
    public async Task Owner_WithoutTwoFactor_ReachesTheSetUpPage()
    {
        using var owner = await SignedInAsync(await fixture.NewStaffAsync("set", StaffRole.Owner));

        using var answer = await owner.GetAsync(SetUp.TrimStart('/'));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("Set up an authenticator app", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operator_WithoutTwoFactor_IsSentToSetUp()
    {
        var email = $"ops-{Guid.NewGuid():N}"[..10] + "@platform.example";
        using (var scope = fixture.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Otto Ops" };
            Assert.True((await users.CreateAsync(user, StaffAuthApp.Password)).Succeeded);
            Assert.True((await users.AddClaimAsync(user, new Claim(PortalClaims.Operator, "true"))).Succeeded);
        }
        using var client = await SignedInAsync(email);

        using var answer = await client.GetAsync("operator/merchants");

        Assert.Equal(SetUp, StaffAuthApp.RedirectPath(answer));
    }

    [Fact]
    public async Task Manager_MerchantDoesNotRequireTwoFactor_ReachesAdmin()
    {
        using var manager = await SignedInAsync(await fixture.NewStaffAsync("mgr", StaffRole.Manager));

        using var answer = await manager.GetAsync("admin/payments");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task DemoOwner_ExemptionSwitchedOff_IsSentToSetUp()
    {
        using var owner = await SignedInAsync("owner@demo.test", DemoData.Password);

        using var answer = await owner.GetAsync("admin");

        Assert.Equal(SetUp, StaffAuthApp.RedirectPath(answer));
    }

    private async Task<HttpClient> SignedInAsync(string email, string password = StaffAuthApp.Password)
    {
        var client = fixture.ClientAt("198.51.100.30");
        using var signIn = await StaffAuthApp.SignInAsync(client, email, password);
        Assert.Equal("/admin", StaffAuthApp.RedirectPath(signIn));
        return client;
    }

    /// <summary>The demo's owner and operator are held to the rule too (Staff:TwoFactor:ExemptDemoStaff=false).</summary>
    public sealed class App : StaffAuthApp
    {
        protected override IDictionary<string, string?> Settings =>
            new Dictionary<string, string?> { ["Staff:TwoFactor:ExemptDemoStaff"] = "false" };
    }
}

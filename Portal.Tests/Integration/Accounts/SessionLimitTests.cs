using System.Net;
using Portal.Domain.Merchants;

namespace Portal.Tests.Integration.Accounts;

/// <summary>
/// Staff sessions on the app's clock (idle 30 minutes, absolute 2 hours here): the cookie is refused past either, and
/// the browser is sent to sign in.
/// </summary>
public sealed class SessionLimitTests(SessionLimitTests.App fixture) : IClassFixture<SessionLimitTests.App>
{
    [Fact]
    public async Task Session_IdleLongerThanIdleTimeout_SendsToSignIn()
    {
        using var client = await SignedInAsync();

        fixture.Time.Advance(TimeSpan.FromMinutes(31));
        using var answer = await client.GetAsync("admin");

        Assert.StartsWith("/Account/Login", StaffAuthApp.RedirectPath(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_ActiveWithinIdleTimeout_StaysOpen()
    {
        using var client = await SignedInAsync();

        fixture.Time.Advance(TimeSpan.FromMinutes(20));
        using (var first = await client.GetAsync("admin"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        // Thirty-five minutes after the sign-in, but only fifteen after the last request.
        fixture.Time.Advance(TimeSpan.FromMinutes(15));
        using var second = await client.GetAsync("admin");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Session_ActivePastAbsoluteLifetime_SendsToSignInEvenWhenRemembered(bool rememberMe)
    {
        using var client = await SignedInAsync(rememberMe);
        for (var step = 0; step < 4; step++)
        {
            fixture.Time.Advance(TimeSpan.FromMinutes(25));
            using var active = await client.GetAsync("admin");
            Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        }

        // 125 minutes after the sign-in, 25 after the last request.
        fixture.Time.Advance(TimeSpan.FromMinutes(25));
        using var answer = await client.GetAsync("admin");

        Assert.StartsWith("/Account/Login", StaffAuthApp.RedirectPath(answer), StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInAsync(bool rememberMe = false)
    {
        var email = await fixture.NewStaffAsync("sess", StaffRole.Manager);
        var client = fixture.ClientAt("198.51.100.20");
        using var signIn = await StaffAuthApp.SignInAsync(client, email, StaffAuthApp.Password, rememberMe);
        Assert.Equal("/admin", StaffAuthApp.RedirectPath(signIn));
        return client;
    }

    /// <summary>An app of its own: these tests move its clock by hours.</summary>
    public sealed class App : StaffAuthApp;
}

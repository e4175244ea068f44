using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Portal.Identity.Sessions;
using Portal.Tests.Builders;

namespace Portal.Tests.Integration.Accounts;

/// <summary>The limits a circuit reads from its principal, which never sees the cookie again.</summary>
public sealed class StaffSessionsTests
{
    private static readonly TimeSpan Absolute = TimeSpan.FromHours(2);
    private static readonly CookieAuthenticationOptions Cookie = new() { ExpireTimeSpan = TimeSpan.FromMinutes(30), SlidingExpiration = true };

    [Fact]
    public void IsOpen_CircuitPastAbsoluteLifetime_IsClosed()
    {
        var principal = Limited(signedInAt: TestClock.Now, now: TestClock.Now + TimeSpan.FromMinutes(100));

        Assert.True(StaffSessions.IsOpen(principal, Absolute, TestClock.Now + TimeSpan.FromMinutes(110)));
        Assert.False(StaffSessions.IsOpen(principal, Absolute, TestClock.Now + TimeSpan.FromMinutes(121)));
    }

    [Fact]
    public void IsOpen_CircuitPastTheCookiesIdleEnd_IsClosed()
    {
        var principal = Limited(signedInAt: TestClock.Now, now: TestClock.Now);

        Assert.True(StaffSessions.IsOpen(principal, Absolute, TestClock.Now + TimeSpan.FromMinutes(29)));
        Assert.False(StaffSessions.IsOpen(principal, Absolute, TestClock.Now + TimeSpan.FromMinutes(31)));
    }

    [Fact]
    public void IsOpen_PrincipalWithoutSignInInstant_IsClosed()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "old@shop.example")], "Identity.Application"));

        Assert.False(StaffSessions.IsOpen(principal, Absolute, TestClock.Now));
    }

    private static ClaimsPrincipal Limited(DateTimeOffset signedInAt, DateTimeOffset now)
    {
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + Cookie.ExpireTimeSpan };
        properties.Items[StaffSessions.SignedInAt] = signedInAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "sam@shop.example")], "Identity.Application"));
        return StaffSessions.WithLimits(principal, properties, Cookie, now);
    }
}

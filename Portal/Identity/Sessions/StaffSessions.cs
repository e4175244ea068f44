using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Portal.Identity.Sessions;

/// <summary>
/// The absolute limit of a staff session. The idle limit is the cookie's sliding expiry; this one is the instant of
/// the sign-in, kept in the cookie's properties (renewals and the security-stamp check keep them, a new sign-in does
/// not) and mirrored as a claim for the circuits, which see only the principal.
/// </summary>
public static class StaffSessions
{
    /// <summary>The sign-in instant, as UTC ticks, in the cookie's properties and as a claim.</summary>
    public const string SignedInAt = "portal:signed-in-at";

    /// <summary>When the cookie, as this request left it, ends for idleness; as UTC ticks in a claim for the circuits.</summary>
    public const string IdleEndsAt = "portal:idle-ends-at";

    /// <summary>Stamps a new session with its sign-in instant and keeps "remember me" within the absolute limit.</summary>
    public static void OnSigningIn(CookieSigningInContext context, TimeSpan absoluteLifetime, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(context);
        var signedInAt = Read(context.Properties) ?? now;
        context.Properties.Items[SignedInAt] = signedInAt.UtcTicks.ToString(CultureInfo.InvariantCulture);
        if (context.Properties.ExpiresUtc is { } expires && expires > signedInAt + absoluteLifetime)
        {
            context.Properties.ExpiresUtc = signedInAt + absoluteLifetime;
        }
    }

    /// <summary>
    /// False when the session is past its absolute limit (or carries no sign-in instant, as cookies from before this
    /// rule): the caller then rejects it, and the browser is sent to sign in.
    /// </summary>
    public static bool IsWithinLimit(AuthenticationProperties properties, TimeSpan absoluteLifetime, DateTimeOffset now) =>
        Read(properties) is { } signedInAt && now < signedInAt + absoluteLifetime;

    /// <summary>
    /// The principal of this request with the session's limits as claims, for an interactive circuit it may start:
    /// the circuit keeps this principal, never sees the cookie again, and must end when the cookie would.
    /// </summary>
    public static ClaimsPrincipal WithLimits(ClaimsPrincipal principal, AuthenticationProperties properties,
        CookieAuthenticationOptions cookie, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity is not ClaimsIdentity identity || Read(properties) is not { } signedInAt)
        {
            return principal;
        }
        var idleEndsAt = properties.ExpiresUtc ?? now + cookie.ExpireTimeSpan;
        // The cookie handler renews a sliding cookie past half its time, after this event: count that renewal in.
        if (cookie.SlidingExpiration && properties.IssuedUtc is { } issued && idleEndsAt - now < now - issued)
        {
            idleEndsAt = now + cookie.ExpireTimeSpan;
        }
        var limited = identity.Clone();
        foreach (var stale in limited.FindAll(c => c.Type is SignedInAt or IdleEndsAt).ToList())
        {
            limited.RemoveClaim(stale);
        }
        limited.AddClaim(new Claim(SignedInAt, signedInAt.UtcTicks.ToString(CultureInfo.InvariantCulture)));
        limited.AddClaim(new Claim(IdleEndsAt, idleEndsAt.UtcTicks.ToString(CultureInfo.InvariantCulture)));
        return new ClaimsPrincipal(limited);
    }

    /// <summary>For a circuit: whether the session its principal belongs to is still open at <paramref name="now"/>.</summary>
    public static bool IsOpen(ClaimsPrincipal principal, TimeSpan absoluteLifetime, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var signedInAt = Ticks(principal.FindFirstValue(SignedInAt));
        var idleEndsAt = Ticks(principal.FindFirstValue(IdleEndsAt));
        return signedInAt is { } start && now < start + absoluteLifetime && (idleEndsAt is not { } end || now < end);
    }

    private static DateTimeOffset? Read(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(SignedInAt, out var value) ? Ticks(value) : null;

    private static DateTimeOffset? Ticks(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks > 0
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;
}

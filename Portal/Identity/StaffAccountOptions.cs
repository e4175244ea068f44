using System.ComponentModel.DataAnnotations;

namespace Portal.Identity;

/// <summary>
/// Section "Staff": how staff sign in. The defaults are OWASP ASVS level 2; Production refuses weaker ones
/// (see <see cref="Production.UnsafeSettings"/>).
/// </summary>
public sealed class StaffAccountOptions
{
    public const string Section = "Staff";

    public PasswordSettings Passwords { get; set; } = new();

    public LockoutSettings Lockout { get; set; } = new();

    public SessionSettings Sessions { get; set; } = new();

    public TwoFactorSettings TwoFactor { get; set; } = new();

    public sealed class PasswordSettings
    {
        /// <summary>The fewest characters a staff password may have. Defaults to 12; Production refuses fewer.</summary>
        [Range(8, 100)]
        public int RequiredLength { get; set; } = 12;
    }

    public sealed class LockoutSettings
    {
        /// <summary>Wrong passwords or codes in a row that lock one account. Defaults to 10.</summary>
        [Range(3, 100)]
        public int MaxFailedAttempts { get; set; } = 10;

        /// <summary>How long a locked account stays locked. Defaults to 15 minutes.</summary>
        [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
        public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);

        /// <summary>Failed sign-ins from one client address, over all accounts, that stop that address. Defaults to 20.</summary>
        [Range(1, 100_000)]
        public int MaxFailuresPerAddress { get; set; } = 20;

        /// <summary>The window those failures are counted in, and how long the address then waits. Defaults to 15 minutes.</summary>
        [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
        public TimeSpan AddressWindow { get; set; } = TimeSpan.FromMinutes(15);
    }

    public sealed class SessionSettings
    {
        /// <summary>A session with no request for this long ends. Defaults to 30 minutes.</summary>
        [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
        public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

        /// <summary>A session ends this long after its sign-in, however active. Defaults to 12 hours.</summary>
        [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
        public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);
    }

    public sealed class TwoFactorSettings
    {
        /// <summary>
        /// Development only: the seeded <c>@demo.test</c> staff may sign in without two-factor, so the demo opens with a
        /// password alone. Defaults to true; ignored outside Development, where the demo is never seeded.
        /// </summary>
        public bool ExemptDemoStaff { get; set; } = true;
    }
}

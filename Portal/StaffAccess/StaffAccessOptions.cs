using System.ComponentModel.DataAnnotations;

namespace Portal.StaffAccess;

/// <summary>Section "StaffAccess": how soon a staff member's lost access takes effect where nobody says so at once.</summary>
public sealed class StaffAccessOptions
{
    public const string Section = "StaffAccess";

    /// <summary>
    /// How often open admin pages (circuits) and live-update hub connections are checked against the database: the
    /// member still exists, still belongs to the merchant, and still has the security stamp they signed in with.
    /// Removals and role changes on the team page take effect at once anyway; this bounds the rest (a password reset,
    /// a change made on another instance while the bus was down). Defaults to 1 minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00", ErrorMessage = "StaffAccess:RecheckInterval must be between 1 second and 30 minutes.")]
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}

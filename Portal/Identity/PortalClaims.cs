namespace Portal.Identity;

/// <summary>Claims Portal adds to a staff member's cookie.</summary>
public static class PortalClaims
{
    /// <summary>The merchant the user works for; every admin query and hub subscription filters by it.</summary>
    public const string MerchantId = "portal:merchant";

    /// <summary>
    /// A platform operator: creates merchants and invites their first owner. Stored as an Identity user claim (the
    /// operator has no merchant), so it carries no merchant claim and no admin page of a merchant lets them in.
    /// </summary>
    public const string Operator = "portal:operator";

    /// <summary>
    /// This user must sign in with two factors and has not set them up: every merchant and operator page is closed to
    /// them until they do (see <see cref="TwoFactor.TwoFactorSetUpGate"/>). Recomputed at each sign-in and with the
    /// security stamp each minute.
    /// </summary>
    public const string TwoFactorSetUpRequired = "portal:2fa-setup-required";
}

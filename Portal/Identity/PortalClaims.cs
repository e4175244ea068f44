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
}

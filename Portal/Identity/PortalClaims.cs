namespace Portal.Identity;

/// <summary>Claims Portal adds to a staff member's cookie.</summary>
public static class PortalClaims
{
    /// <summary>The merchant the user works for; every admin query and hub subscription filters by it.</summary>
    public const string MerchantId = "portal:merchant";
}

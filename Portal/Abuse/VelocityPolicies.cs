namespace Portal.Abuse;

/// <summary>The rate-limiting policies that anonymous static forms carry, as <c>[EnableRateLimiting(...)]</c> on the page.</summary>
public static class VelocityPolicies
{
    /// <summary>Staff sign-in, two-factor, password reset and invitation acceptance.</summary>
    public const string AccountForms = "velocity-account-forms";

    /// <summary>The store code page, whose post creates a checkout.</summary>
    public const string StoreCheckouts = "velocity-store";
}

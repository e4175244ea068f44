namespace Portal.Identity;

/// <summary>Authorization policies, named for what they allow.</summary>
public static class PortalPolicies
{
    /// <summary>Any staff member of a merchant: sees that merchant's data.</summary>
    public const string Staff = "Staff";

    /// <summary>Owners and managers: create payment links, refund.</summary>
    public const string ManagePayments = "ManagePayments";

    /// <summary>Owners only: the merchant's settings and team.</summary>
    public const string ManageMerchant = "ManageMerchant";

    /// <summary>The platform operator: merchants and their first owners, never a merchant's payments.</summary>
    public const string Operator = "Operator";
}

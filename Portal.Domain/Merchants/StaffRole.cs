namespace Portal.Domain.Merchants;

/// <summary>What a member of a merchant's staff may do. Stored by name: renaming a member is a migration.</summary>
public enum StaffRole
{
    /// <summary>Sees everything of the merchant, changes nothing.</summary>
    Viewer,

    /// <summary>Creates payment links and refunds.</summary>
    Manager,

    /// <summary>A manager who also manages the team and the merchant's settings.</summary>
    Owner,
}

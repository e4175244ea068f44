using Microsoft.AspNetCore.Identity;
using Portal.Domain.Merchants;

namespace Portal.Data;

/// <summary>A member of a merchant's staff. One user, one merchant, one role in it.</summary>
public sealed class PortalUser : IdentityUser
{
    public Guid? MerchantId { get; set; }

    public StaffRole Role { get; set; }

    public string DisplayName { get; set; } = "";
}

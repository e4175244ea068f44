namespace Portal.Domain.Merchants;

/// <summary>
/// Who does something in the admin portal, as the signed-in user's claims say: the domain checks role and merchant
/// itself, so a forged request that skips the UI is refused all the same.
/// </summary>
public sealed record StaffActor(Guid MerchantId, string UserId, string Name, StaffRole Role)
{
    public bool CanManagePayments => Role >= StaffRole.Manager;
}

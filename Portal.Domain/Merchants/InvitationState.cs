namespace Portal.Domain.Merchants;

/// <summary>Where a staff invitation stands at a given instant.</summary>
public enum InvitationState
{
    Pending,
    Accepted,
    Expired,
}

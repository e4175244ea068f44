using Microsoft.AspNetCore.Components.Authorization;
using Portal.Identity;

namespace Portal.Admin;

/// <summary>
/// The staff member this circuit (or request) belongs to. Admin queries take the merchant from here and never from a
/// parameter, so no page can ask for another merchant's data, by mistake or by a crafted URL.
/// </summary>
public sealed class CurrentStaff(AuthenticationStateProvider authentication)
{
    private StaffMember? _staff;

    /// <summary>The signed-in staff member; throws when there is none (every admin page requires the Staff policy).</summary>
    public async Task<StaffMember> GetAsync()
    {
        if (_staff is not null)
        {
            return _staff;
        }
        var state = await authentication.GetAuthenticationStateAsync();
        // Not cached when missing: a circuit that signs in later must not keep a stale "nobody".
        _staff = StaffMember.From(state.User)
            ?? throw new UnauthorizedAccessException("The admin portal needs a signed-in member of a merchant's staff.");
        return _staff;
    }

    /// <summary>The signed-in staff member, or null for an anonymous visitor (the layout on a not-found page).</summary>
    public async Task<StaffMember?> FindAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return StaffMember.From(state.User);
    }
}

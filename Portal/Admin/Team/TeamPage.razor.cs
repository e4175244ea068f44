using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Domain.Common;
using Portal.Invitations;

namespace Portal.Admin.Team;

public sealed partial class TeamPage
{
    private IReadOnlyList<TeamMember>? _members;
    private IReadOnlyList<PendingInvitation>? _invitations;
    private SentInvitation? _sent;
    private bool _busy;

    [Inject]
    private TeamQueries Team { get; set; } = default!;

    [Inject]
    private TeamActions Actions { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _members = await Team.ListMembersAsync();
        _invitations = await Team.ListPendingInvitationsAsync();
    }

    private async Task InvitedAsync(SentInvitation sent)
    {
        _sent = sent;
        _invitations = await Team.ListPendingInvitationsAsync();
    }

    private Task ChangeRoleAsync(MemberRoleChange change) => RunAsync(async () =>
    {
        await Actions.ChangeRoleAsync(change.Member.UserId, change.Role);
        Snackbar.Add($"{change.Member.DisplayName} is now {change.Role}", Severity.Success);
    });

    private async Task RemoveAsync(TeamMember member)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Remove from the team",
            $"{member.DisplayName} ({member.Email}) will no longer be able to sign in to this merchant.",
            yesText: "Remove", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }
        await RunAsync(async () =>
        {
            await Actions.RemoveAsync(member.UserId);
            Snackbar.Add($"{member.DisplayName} was removed", Severity.Success);
        });
    }

    // A refused change (the last owner, yourself, someone removed meanwhile) is said in a snackbar and the list reloaded,
    // so what is shown is what is stored.
    private async Task RunAsync(Func<Task> action)
    {
        if (_busy)
        {
            return;
        }
        _busy = true;
        try
        {
            await action();
        }
        catch (DomainException refused)
        {
            Snackbar.Add(refused.Message, Severity.Warning);
        }
        catch (ConcurrencyConflictException)
        {
            Snackbar.Add("Someone changed this member meanwhile. The list shows the latest.", Severity.Warning);
        }
        finally
        {
            _busy = false;
            await LoadAsync();
        }
    }
}

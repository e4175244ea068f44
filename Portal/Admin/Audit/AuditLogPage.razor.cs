using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Admin.Paging;
using Portal.Audit;

namespace Portal.Admin.Audit;

/// <summary>
/// The owner's audit log: pages read on the server from a key (Newer / Older), filtered by action, actor and UTC
/// dates, newest first; a count up to <see cref="ListCount.Cap"/>, "more than" beyond.
/// </summary>
public sealed partial class AuditLogPage
{
    private IReadOnlyList<AuditActor> _actors = [];
    private AuditPage? _page;
    private string? _action;
    private string? _actor;
    private DateRange? _range;
    private bool _loading = true;
    private int _loadSequence;

    [Inject]
    private AuditQueries Queries { get; set; } = default!;

    private bool HasFilters => _action is not null || _actor is not null || _range?.Start is not null || _range?.End is not null;

    protected override async Task OnInitializedAsync()
    {
        _actors = await Queries.ActorsAsync();
        await GoToAsync(PageRequest.Newest);
    }

    // Loads may overlap (a filter changed while a page loads); only the last one started may show.
    private async Task GoToAsync(PageRequest request)
    {
        var sequence = ++_loadSequence;
        _loading = true;
        var page = await Queries.ListAsync(new AuditQuery(
            request,
            AuditQuery.DefaultPageSize,
            _action,
            _actor,
            _range?.Start is { } start ? DateOnly.FromDateTime(start) : null,
            _range?.End is { } end ? DateOnly.FromDateTime(end) : null));
        if (sequence == _loadSequence)
        {
            _page = page;
            _loading = false;
        }
    }

    private Task ActionChangedAsync(string? action)
    {
        _action = action;
        return GoToAsync(PageRequest.Newest);
    }

    private Task ActorChangedAsync(string? actor)
    {
        _actor = actor;
        return GoToAsync(PageRequest.Newest);
    }

    private Task RangeChangedAsync(DateRange? range)
    {
        _range = range;
        return GoToAsync(PageRequest.Newest);
    }

    private static string ActionText(string? action) => action is null ? "" : AuditActions.NameOf(action);

    private string ActorText(string? userId) => userId is null ? "" : _actors.FirstOrDefault(a => a.UserId == userId)?.Name ?? userId;
}

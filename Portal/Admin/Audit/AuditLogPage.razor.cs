using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Audit;

namespace Portal.Admin.Audit;

/// <summary>The owner's audit log: server-side pages, filtered by action, actor and UTC dates, newest first.</summary>
public sealed partial class AuditLogPage
{
    private MudDataGrid<AuditRow>? _grid;
    private IReadOnlyList<AuditActor> _actors = [];
    private string? _action;
    private string? _actor;
    private DateRange? _range;

    [Inject]
    private AuditQueries Queries { get; set; } = default!;

    private bool HasFilters => _action is not null || _actor is not null || _range?.Start is not null || _range?.End is not null;

    protected override async Task OnInitializedAsync() => _actors = await Queries.ActorsAsync();

    private async Task<GridData<AuditRow>> LoadAsync(GridState<AuditRow> state, CancellationToken cancellationToken)
    {
        var page = await Queries.ListAsync(new AuditQuery(
            state.Page,
            state.PageSize,
            _action,
            _actor,
            _range?.Start is { } start ? DateOnly.FromDateTime(start) : null,
            _range?.End is { } end ? DateOnly.FromDateTime(end) : null), cancellationToken);
        return new GridData<AuditRow> { Items = page.Rows, TotalItems = page.TotalCount };
    }

    private Task ActionChangedAsync(string? action)
    {
        _action = action;
        return ReloadAsync();
    }

    private Task ActorChangedAsync(string? actor)
    {
        _actor = actor;
        return ReloadAsync();
    }

    private Task RangeChangedAsync(DateRange? range)
    {
        _range = range;
        return ReloadAsync();
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private static string ActionText(string? action) => action is null ? "" : AuditActions.NameOf(action);

    private string ActorText(string? userId) => userId is null ? "" : _actors.FirstOrDefault(a => a.UserId == userId)?.Name ?? userId;
}

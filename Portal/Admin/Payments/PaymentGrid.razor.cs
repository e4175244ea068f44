using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Admin.Shared;
using Portal.Domain.Payments;

namespace Portal.Admin.Payments;

/// <summary>
/// The merchant's payments in a <see cref="MudDataGrid{T}"/> whose sorting and paging run in the database under
/// <see cref="Filter"/>, a page at a time from a cursor (<see cref="PaymentPager"/>): first, previous, next, or a day.
/// Live changes come in through <see cref="ApplyAsync"/>: a shown row is updated in place, and anything that may add or
/// drop a row reloads the page from where it starts, at most once a second however busy the merchant is.
/// The first page comes with the page's HTML: the grid asks for its rows only once the circuit is up, so the prerender
/// reads the first page itself and shows it (the circuit's grid asks again: handing the rows over as persisted state
/// would pass SignalR's 32 KB message limit at fifty rows).
/// </summary>
public sealed partial class PaymentGrid : IDisposable
{
    private MudDataGrid<PaymentRow>? _grid;
    private List<PaymentRow> _rows = [];
    private PaymentPage? _loaded;
    private PaymentListQuery _request = new();
    private RefreshThrottle? _reloads;

    [Inject]
    private PaymentQueries Payments { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private ILogger<PaymentGrid> Logger { get; set; } = default!;

    /// <summary>Which payments to show. A new filter starts again from the first page. Defaults to every payment.</summary>
    [Parameter]
    public PaymentFilter Filter { get; set; } = PaymentFilter.None;

    /// <summary>Offers "Create a payment link" in the empty state (staff who may create links). Defaults to false.</summary>
    [Parameter]
    public bool ShowCreateLink { get; set; }

    /// <summary>The rows of the page on show.</summary>
    public IReadOnlyList<PaymentRow> Rows => _rows;

    /// <summary>The page on show: its count and whether there are pages either side.</summary>
    public PaymentPage Page => _loaded ?? PaymentPage.Empty;

    private string CountText => _loaded?.Count.Describe("payment", "payments") ?? "Loading…";

    protected override async Task OnInitializedAsync()
    {
        _reloads = new RefreshThrottle(TimeSpan.FromSeconds(1), Time, () => InvokeAsync(ReloadAsync));
        if (!RendererInfo.IsInteractive)
        {
            Show(await Payments.ListAsync(_request with { Filter = Filter }));
        }
    }

    /// <summary>Takes a pushed change of one of the merchant's payments.</summary>
    public Task ApplyAsync(PaymentSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var index = _rows.FindIndex(r => r.Id == snapshot.PaymentId);
        if (index >= 0)
        {
            if (_rows[index].Version >= snapshot.Version)
            {
                return Task.CompletedTask;
            }
            if (Filter.Admits(snapshot))
            {
                _rows[index] = PaymentRow.From(snapshot) with { Reference = _rows[index].Reference };
                StateHasChanged();
                return Task.CompletedTask;
            }
        }
        else if (!Filter.Admits(snapshot))
        {
            return Task.CompletedTask;
        }
        // A new payment, or one that leaves the filter: which rows belong on this page is the database's to say.
        _reloads?.Request();
        return Task.CompletedTask;
    }

    public void Dispose() => _reloads?.Dispose();

    private async Task ReloadAsync()
    {
        try
        {
            if (_grid is not null)
            {
                await _grid.ReloadServerData();
            }
        }
        catch (Exception ex)
        {
            PaymentListLog.LiveReloadFailed(Logger, ex);
        }
    }

    private async Task<GridData<PaymentRow>> LoadAsync(GridState<PaymentRow> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var sortBy = SortOf(sort?.SortBy);
        var descending = sort?.Descending ?? true;
        // A cursor is a place in one order: another sort starts again from its first page.
        if (sortBy != _request.SortBy || descending != _request.Descending)
        {
            _request = _request with { SortBy = sortBy, Descending = descending, Cursor = null, Backward = false };
        }
        Show(await Payments.ListAsync(_request with { Filter = Filter }, cancellationToken));
        return new GridData<PaymentRow> { Items = _rows, TotalItems = _rows.Count };
    }

    private void Show(PaymentPage page)
    {
        _rows = [.. page.Rows];
        _loaded = page;
    }

    private Task FirstAsync() => GoAsync(_request with { Cursor = null, Backward = false });

    private Task PreviousAsync() => _rows.Count == 0 ? FirstAsync() : GoAsync(_request.Before(_rows[0]));

    private Task NextAsync() => _rows.Count == 0 ? FirstAsync() : GoAsync(_request.After(_rows[^1]));

    private Task JumpAsync(DateOnly day) =>
        GoAsync(_request with { Cursor = PaymentCursor.Day(day, _request.Descending), Backward = false });

    private Task PageSizeChangedAsync(int size) => GoAsync(_request with { PageSize = size, Cursor = null, Backward = false });

    private async Task GoAsync(PaymentListQuery request)
    {
        _request = request;
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private static PaymentSort SortOf(string? column) => column switch
    {
        nameof(PaymentRow.Amount) => PaymentSort.Amount,
        nameof(PaymentRow.Status) => PaymentSort.Status,
        nameof(PaymentRow.Method) => PaymentSort.Method,
        _ => PaymentSort.Time,
    };

    private void RowClicked(DataGridRowClickEventArgs<PaymentRow> args) => Navigation.NavigateTo($"admin/payments/{args.Item.Id}");
}

using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Admin.Shared;
using Portal.Domain.Payments;

namespace Portal.Admin.Payments;

/// <summary>
/// The merchant's payments in a <see cref="MudDataGrid{T}"/> whose paging and sorting run in the database under
/// <see cref="Filter"/>. Live changes come in through <see cref="ApplyAsync"/>: a shown row is updated in place, and
/// anything that may add or drop a row reloads the page, at most once a second however busy the merchant is.
/// </summary>
public sealed partial class PaymentGrid : IDisposable
{
    private static readonly int[] PageSizes = [25, 50, 100];
    private MudDataGrid<PaymentRow>? _grid;
    private List<PaymentRow> _rows = [];
    private int? _total;
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

    private string CountText => _total switch
    {
        null => "Loading…",
        0 => "No payments",
        1 => "1 payment",
        var n => $"{n:N0} payments",
    };

    protected override void OnInitialized() =>
        _reloads = new RefreshThrottle(TimeSpan.FromSeconds(1), Time, () => InvokeAsync(ReloadAsync));

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
        var query = new PaymentListQuery(state.Page, state.PageSize)
        {
            Filter = Filter,
            SortBy = SortOf(sort?.SortBy),
            Descending = sort?.Descending ?? true,
        };
        var page = await Payments.ListAsync(query, cancellationToken);
        _rows = [.. page.Rows];
        _total = page.TotalCount;
        return new GridData<PaymentRow> { Items = _rows, TotalItems = page.TotalCount };
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

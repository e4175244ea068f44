using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Domain.Common;
using Portal.Domain.Reports;

namespace Portal.Admin.Reports;

/// <summary>
/// The reports page: the settlement report of the chosen days at once, the reconciliation when asked for (it calls
/// the bank). The days may come in the query string (<c>?from=2026-11-01&amp;to=2026-11-07</c>), as the CSV links
/// take them; a bad pair is named in an alert and the last week is shown instead.
/// </summary>
public sealed partial class ReportsPage
{
    private const int DefaultDays = 7;

    private ReportPeriod _period = default!;
    private DateRange? _range;
    private SettlementReport? _settlement;
    private ReconciliationReport? _reconciliation;
    private bool _settlementLoading = true;
    private bool _reconciling;
    private string? _error;
    private string? _reconcileError;

    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public string? To { get; set; }

    [Inject]
    private SettlementReports Settlements { get; set; } = default!;

    [Inject]
    private ReconciliationReports Reconciliations { get; set; } = default!;

    [Inject]
    private CurrentStaff CurrentStaff { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var today = ReportPeriod.DayOf(Time.GetUtcNow());
        _period = ReportPeriod.Create(today.AddDays(1 - DefaultDays), today);
        if (From is not null || To is not null)
        {
            if (ReportPeriod.TryParse(From, To, out var errors) is { } asked)
            {
                _period = asked;
            }
            else
            {
                _error = string.Join(" ", errors.SelectMany(e => e.Value)) + " Showing the last week instead.";
            }
        }
        _range = new DateRange(_period.From.ToDateTime(TimeOnly.MinValue), _period.To.ToDateTime(TimeOnly.MinValue));
        await LoadSettlementAsync();
    }

    private async Task RangeChangedAsync(DateRange? range)
    {
        _range = range;
        if (range?.Start is not { } start || range.End is not { } end)
        {
            _error = "Choose a first and a last day.";
            return;
        }
        try
        {
            _period = ReportPeriod.Create(DateOnly.FromDateTime(start), DateOnly.FromDateTime(end));
        }
        catch (DomainValidationException ex)
        {
            _error = ex.Message;
            return;
        }
        _error = null;
        // A reconciliation of other days would now be misleading beside this settlement.
        _reconciliation = null;
        _reconcileError = null;
        await LoadSettlementAsync();
    }

    private async Task LoadSettlementAsync()
    {
        _settlementLoading = true;
        var staff = await CurrentStaff.GetAsync();
        _settlement = await Settlements.BuildAsync(staff, _period);
        _settlementLoading = false;
    }

    private async Task ReconcileAsync()
    {
        _reconciling = true;
        _reconcileError = null;
        _reconciliation = null;
        try
        {
            var staff = await CurrentStaff.GetAsync();
            _reconciliation = await Reconciliations.ReconcileAsync(staff, _period);
        }
        catch (ReconciliationUnavailableException ex)
        {
            _reconcileError = ex.Message;
        }
        catch (DomainValidationException ex)
        {
            _reconcileError = ex.Message;
        }
        finally
        {
            _reconciling = false;
        }
    }

    private static string DifferenceCount(int count) => count switch
    {
        0 => "no differences",
        1 => "1 difference",
        _ => $"{count} differences",
    };
}

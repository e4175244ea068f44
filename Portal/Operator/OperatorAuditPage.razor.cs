using Microsoft.AspNetCore.Components;

namespace Portal.Operator;

/// <summary>The operator's audit log: the newest page first, older pages appended on request from a cursor.</summary>
public sealed partial class OperatorAuditPage
{
    private const int PageSize = 50;

    private readonly List<OperatorAuditRow> _rows = [];
    private OperatorAuditCursor? _older;
    private bool _loaded;
    private bool _busy;

    [Inject]
    private OperatorAuditQueries Queries { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var page = await Queries.ListAsync(null, PageSize);
        _rows.AddRange(page.Rows);
        _older = page.Older;
        _loaded = true;
    }

    private async Task ShowOlderAsync()
    {
        if (_busy || _older is null)
        {
            return;
        }
        _busy = true;
        try
        {
            var page = await Queries.ListAsync(_older, PageSize);
            _rows.AddRange(page.Rows);
            _older = page.Older;
        }
        finally
        {
            _busy = false;
        }
    }
}

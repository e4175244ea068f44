using Portal.Domain.Payments;

namespace Portal.Admin.Payments;

/// <summary>
/// The rows the payments list shows, kept current by live snapshots: a known payment is updated in place (never by an
/// older version), a new one appears at the top of the first page. Holds no database or UI, so it is tested on its own.
/// </summary>
public sealed class PaymentFeed
{
    private readonly List<PaymentRow> _rows = [];

    public PaymentFeed(PaymentListQuery query, PaymentPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        Query = query ?? throw new ArgumentNullException(nameof(query));
        _rows.AddRange(page.Rows);
        TotalCount = page.TotalCount;
    }

    public PaymentListQuery Query { get; }

    public IReadOnlyList<PaymentRow> Rows => _rows;

    public int TotalCount { get; private set; }

    /// <summary>Applies a pushed change; true when the visible rows changed.</summary>
    public bool Apply(PaymentSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var row = PaymentRow.From(snapshot);
        var visible = Query.IncludeAbandoned || row.Status != PaymentStatus.Abandoned;
        var index = _rows.FindIndex(r => r.Id == row.Id);
        if (index >= 0)
        {
            if (_rows[index].Version >= row.Version)
            {
                return false;
            }
            if (visible)
            {
                _rows[index] = row;
            }
            else
            {
                _rows.RemoveAt(index);
                TotalCount--;
            }
            return true;
        }

        if (!visible)
        {
            return false;
        }
        // Step 1 is published once, when the payment is created: only then is it certainly new to the count.
        var isNew = snapshot.Step == PaymentStep.MethodChosen;
        if (Query.PageIndex != 0)
        {
            // Later pages show older payments; a new one only shifts the count.
            TotalCount += isNew ? 1 : 0;
            return isNew;
        }
        if (!isNew && IsOlderThanShown(row))
        {
            // A later step of a payment that lives on another page.
            return false;
        }
        TotalCount++;
        var at = _rows.FindIndex(r => r.StartedAt < row.StartedAt);
        _rows.Insert(at < 0 ? _rows.Count : at, row);
        if (_rows.Count > Query.PageSize)
        {
            _rows.RemoveAt(_rows.Count - 1);
        }
        return true;
    }

    private bool IsOlderThanShown(PaymentRow row) => _rows.Count >= Query.PageSize && row.StartedAt < _rows[^1].StartedAt;
}

using Microsoft.AspNetCore.Components;
using Portal.Domain.Common;
using Portal.Domain.Refunds;
using Portal.LiveUpdates;

namespace Portal.Pay;

/// <summary>
/// Refunds of a paid checkout on the customer's receipt. Loaded on render and kept current over the circuit through
/// <see cref="RefundEvents"/>, so a receipt left open shows a refund the moment the merchant makes it.
/// </summary>
public sealed partial class ReceiptRefunds
{
    private List<RefundSnapshot> _refunds = [];
    private IDisposable? _subscription;

    [Parameter, EditorRequired]
    public Guid CheckoutId { get; set; }

    [Inject]
    private ReceiptRefundQueries Queries { get; set; } = default!;

    [Inject]
    private RefundEvents Events { get; set; } = default!;

    private string RefundedTotal
    {
        get
        {
            var done = _refunds.Where(r => r.Status == RefundStatus.Succeeded).ToList();
            var total = done.Count == 0
                ? Money.Zero(Currency.FromCode(_refunds[0].CurrencyCode))
                : done.Select(r => r.Amount).Aggregate((a, b) => a + b);
            return total.Format(System.Globalization.CultureInfo.CurrentCulture);
        }
    }

    protected override async Task OnInitializedAsync()
    {
        _refunds = [.. await Queries.FindAsync(CheckoutId)];
        if (RendererInfo.IsInteractive)
        {
            _subscription = Events.WatchCheckout(CheckoutId, OnRefundChangedAsync);
            // A refund made between the load and the subscription would be missed: load once more now that we listen.
            _refunds = [.. await Queries.FindAsync(CheckoutId)];
        }
    }

    private Task OnRefundChangedAsync(RefundSnapshot changed) => InvokeAsync(() =>
    {
        var index = _refunds.FindIndex(r => r.RefundId == changed.RefundId);
        if (index >= 0 && _refunds[index].Version >= changed.Version)
        {
            return;
        }
        if (index >= 0)
        {
            _refunds.RemoveAt(index);
        }
        if (ReceiptRefundQueries.IsShownToCustomer(changed))
        {
            _refunds.Add(changed);
            _refunds.Sort((a, b) => a.RequestedAt.CompareTo(b.RequestedAt));
        }
        StateHasChanged();
    });

    public void Dispose() => _subscription?.Dispose();
}

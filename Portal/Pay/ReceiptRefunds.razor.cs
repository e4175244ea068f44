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

    /// <summary>
    /// The payment succeeded while the page watched it, so no refund can be older than this component: it starts
    /// empty and listens, without a query. Thousands of waiting pages turn into receipts at once when results arrive,
    /// and this query was a tenth of the server's work per result (README, capacity). A refund made in the
    /// milliseconds between the payment's commit and this subscription shows at its next step's push.
    /// </summary>
    [Parameter]
    public bool JustPaid { get; set; }

    [Inject]
    private ReceiptRefundQueries Queries { get; set; } = default!;

    [Inject]
    private RefundEvents Events { get; set; } = default!;

    private string RefundedTotal
    {
        get
        {
            var done = _refunds.Where(r => r.Status == RefundStatus.Succeeded).ToList();
            var culture = System.Globalization.CultureInfo.CurrentCulture;
            var total = Sum(done.Select(r => r.Amount), _refunds[0].Amount.Currency).Format(culture);
            return _refunds[0].PayerAmount is { } payer
                ? $"{Sum(done.Select(r => r.PayerAmount!.Value), payer.Currency).Format(culture)} ({total})"
                : total;
        }
    }

    private static Money Sum(IEnumerable<Money> amounts, Currency currency) => amounts.Aggregate(Money.Zero(currency), (a, b) => a + b);

    protected override async Task OnInitializedAsync()
    {
        if (RendererInfo.IsInteractive)
        {
            // Listen before loading, so a refund made meanwhile is not missed; a push older than the load is ignored by version.
            _subscription = Events.WatchCheckout(CheckoutId, OnRefundChangedAsync);
        }
        if (JustPaid && RendererInfo.IsInteractive)
        {
            return;
        }
        // Merged by version: a push that arrived while the query ran may be newer than what it read.
        foreach (var refund in await Queries.FindAsync(CheckoutId))
        {
            Apply(refund);
        }
    }

    private Task OnRefundChangedAsync(RefundSnapshot changed) => InvokeAsync(() =>
    {
        Apply(changed);
        StateHasChanged();
    });

    private void Apply(RefundSnapshot changed)
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
    }

    public void Dispose() => _subscription?.Dispose();
}

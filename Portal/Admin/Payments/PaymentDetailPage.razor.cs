using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Domain.Payments;
using Portal.LiveUpdates;

namespace Portal.Admin.Payments;

/// <summary>One payment of the merchant: summary and seven-step timeline, reloaded as each step is pushed.</summary>
public sealed partial class PaymentDetailPage
{
    private readonly List<BreadcrumbItem> _breadcrumbs =
    [
        new("Payments", href: "admin/payments"),
        new("Payment", href: null, disabled: true),
    ];

    private PaymentDetail? _payment;
    private IDisposable? _subscription;
    private Guid _subscribedTo;
    private bool _loading = true;

    [Parameter]
    public Guid PaymentId { get; set; }

    // Present while the page is prerendered for the first request, absent on the circuit.
    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    [Inject]
    private PaymentQueries Payments { get; set; } = default!;

    [Inject]
    private PaymentEvents Events { get; set; } = default!;

    [Inject]
    private ILogger<PaymentDetailPage> Logger { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (_payment?.Id == PaymentId)
        {
            return;
        }
        _loading = true;
        _payment = await Payments.FindAsync(PaymentId);
        _loading = false;
        if (_payment is null && HttpContext is { Response.HasStarted: false })
        {
            // Another merchant's payment, or none: a 404, as any foreign id in an admin URL.
            HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
        }
        Subscribe();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            Subscribe();
        }
    }

    public void Dispose() => _subscription?.Dispose();

    // Watches only a payment the query found for this merchant; a foreign id never gets a subscription.
    private void Subscribe()
    {
        if (!RendererInfo.IsInteractive || _payment is null || _subscribedTo == _payment.Id)
        {
            return;
        }
        _subscription?.Dispose();
        _subscribedTo = _payment.Id;
        _subscription = Events.WatchPayment(_payment.Id, OnPaymentChangedAsync);
    }

    // The snapshot says that something changed; the database says what, with the failure instant and the speed the
    // entity computes, so the page never re-derives them.
    private Task OnPaymentChangedAsync(PaymentSnapshot snapshot) => InvokeAsync(async () =>
    {
        try
        {
            if (_payment is null || snapshot.PaymentId != _payment.Id || snapshot.Version <= _payment.Version)
            {
                return;
            }
            var fresh = await Payments.FindAsync(snapshot.PaymentId);
            if (fresh is not null && fresh.Id == _payment?.Id && fresh.Version > _payment.Version)
            {
                _payment = fresh;
                StateHasChanged();
            }
        }
        catch (Exception ex)
        {
            AdminLog.LiveUpdateFailed(Logger, snapshot.PaymentId, ex);
        }
    });
}

namespace Portal.Domain.Refunds;

/// <summary>Tells every watcher of a refund (its payment's detail page, the refunds list, the customer's receipt) what it looks like now. Called after commit.</summary>
public interface IRefundNotifier
{
    ValueTask PublishAsync(RefundSnapshot refund, CancellationToken cancellationToken = default);
}

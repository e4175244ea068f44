namespace Portal.Domain.Payments;

/// <summary>Tells every watcher of a payment (checkout page, wallet, admin views) what it looks like now. Called after commit.</summary>
public interface IPaymentNotifier
{
    ValueTask PublishAsync(PaymentSnapshot payment, CancellationToken cancellationToken = default);
}

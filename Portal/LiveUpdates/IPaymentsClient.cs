namespace Portal.LiveUpdates;

/// <summary>What <see cref="PaymentsHub"/> sends its clients.</summary>
public interface IPaymentsClient
{
    Task PaymentUpdated(PaymentUpdate update);
}

namespace Portal.Domain.Payments;

public interface IPaymentStoreFactory
{
    IPaymentStore Open();
}

namespace DemoShop.Orders;

public enum OrderStatus
{
    AwaitingPayment,
    Paid,
}

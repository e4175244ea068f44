namespace Portal.Domain.Payments;

/// <summary>The seven steps every payment runs, whatever its method.</summary>
public enum PaymentStep
{
    /// <summary>The customer picked Real-time or Fast.</summary>
    MethodChosen = 1,

    /// <summary>Account and PIN entered, on the checkout page or in the wallet.</summary>
    DetailsEntered = 2,

    /// <summary>Checkout open and unexpired, amount and limits checked; the payment order has its id.</summary>
    OrderCreated = 3,

    /// <summary>The order was signed and sent to the payee's side (the rail).</summary>
    OrderSent = 4,

    /// <summary>The rail verified signature, freshness, accounts and amount.</summary>
    PayeeVerified = 5,

    /// <summary>The rail debited the payer, credited the merchant and settled.</summary>
    PayeeProcessed = 6,

    /// <summary>Customer and merchant were told the result.</summary>
    Notified = 7,
}

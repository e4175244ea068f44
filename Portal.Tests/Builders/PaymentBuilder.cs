using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.CrossBorder;
using Portal.Domain.Payments;

namespace Portal.Tests.Builders;

/// <summary>
/// A payment of a default checkout, walked forward to the step a test needs through the entity's own methods, one
/// second per step from <see cref="TestClock.Now"/>, so a test starts from a state the domain itself reached.
/// </summary>
public sealed class PaymentBuilder
{
    public static readonly AccountNumber PayerAccount = AccountNumber.Parse("6222 0200 0000 1234");

    private Checkout? _checkout;
    private PaymentMethod _method = PaymentMethod.RealTime;
    private PaymentStep _step = PaymentStep.MethodChosen;
    private (Currency Currency, decimal Rate, decimal Fee)? _payer;

    public PaymentBuilder ForCheckout(Checkout checkout)
    {
        _checkout = checkout;
        return this;
    }

    public PaymentBuilder WithMethod(PaymentMethod method)
    {
        _method = method;
        return this;
    }

    /// <summary>
    /// A payer whose account is in <paramref name="currency"/>: the payment is offered a quote at <paramref name="rate"/>
    /// at step 1, valid ten minutes, which the payer confirms.
    /// </summary>
    public PaymentBuilder PaidFrom(string currency, decimal rate, decimal fee = 0m)
    {
        _payer = (Currency.FromCode(currency), rate, fee);
        return this;
    }

    /// <summary>Walks the payment up to <paramref name="step"/>; Portal itself reaches at most step 4 before the rail answers.</summary>
    public PaymentBuilder AtStep(PaymentStep step)
    {
        if (step > PaymentStep.OrderSent)
        {
            throw new ArgumentOutOfRangeException(nameof(step), "Steps 5 to 7 come from the rail's result; record one in the test.");
        }
        _step = step;
        return this;
    }

    public Payment Build()
    {
        var checkout = _checkout ?? new CheckoutBuilder().Build();
        var payment = checkout.StartPayment(_method, StepTime(PaymentStep.MethodChosen));
        if (_payer is var (currency, rate, fee))
        {
            payment.OfferQuote(Quote(payment.Amount, currency, rate, fee), StepTime(PaymentStep.MethodChosen));
        }
        if (_step >= PaymentStep.DetailsEntered)
        {
            payment.CheckConfirmedQuote(payment.QuoteId, StepTime(PaymentStep.DetailsEntered));
            payment.EnterDetails(PayerAccount, "idem-key-1", StepTime(PaymentStep.DetailsEntered));
        }
        if (_step >= PaymentStep.OrderCreated)
        {
            payment.CreateOrder(StepTime(PaymentStep.OrderCreated));
        }
        if (_step >= PaymentStep.OrderSent)
        {
            payment.MarkSent(StepTime(PaymentStep.OrderSent));
        }
        return payment;
    }

    /// <summary>A quote by the domain's rule, given at step 1 and valid ten minutes.</summary>
    public static FxQuote Quote(Money amount, Currency payerCurrency, decimal rate, decimal fee = 0m, string quoteId = "q_test") =>
        FxQuote.Create(quoteId, amount, FxConversion.Convert(amount, payerCurrency, rate), Money.Of(fee, payerCurrency), rate,
            StepTime(PaymentStep.MethodChosen), StepTime(PaymentStep.MethodChosen).AddMinutes(10));

    /// <summary>The instant the builder gives a step: step 1 at <see cref="TestClock.Now"/>, then one second per step.</summary>
    public static DateTimeOffset StepTime(PaymentStep step) => TestClock.Now.AddSeconds((int)step - 1);
}

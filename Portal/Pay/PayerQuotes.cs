using Microsoft.Extensions.Localization;
using Portal.Abuse;
using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.Domain.Rails;

namespace Portal.Pay;

/// <summary>
/// Asks for the FX quote of the account a customer typed, for the checkout and the wallet alike, and says it in the
/// customer's language when there is none to give.
/// </summary>
public sealed class PayerQuotes(PaymentFlow flow, VelocityLimits velocity, ClientAddress client, IStringLocalizer<CheckoutText> text)
{
    /// <summary>
    /// The payment with the quote for <paramref name="account"/> (or without one, for an account in the payment's own
    /// currency), what to tell the payer if anything went wrong, and whether they have something new to read before
    /// paying. An account number that is not one yet asks nothing: the form's own check speaks when they pay.
    /// </summary>
    public async Task<QuoteAnswer> AskAsync(PaymentSnapshot payment, string account)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (!AccountNumber.TryParse(account, out var parsed))
        {
            return new QuoteAnswer(payment, null, false);
        }
        // Each quote costs the bank a signed request: counted with the method choices of this client.
        if (await velocity.TryChooseMethodAsync(client.Value) is { IsAllowed: false } refused)
        {
            return new QuoteAnswer(payment, text.TooManyAttempts(refused), true);
        }
        try
        {
            var quoted = await flow.QuoteAsync(payment.PaymentId, parsed);
            var isNew = quoted.Quote is not null && quoted.Quote.QuoteId != payment.Quote?.QuoteId;
            return new QuoteAnswer(quoted, null, isNew);
        }
        catch (DomainValidationException)
        {
            return new QuoteAnswer(payment, text["QuoteRefused"], true);
        }
        catch (RailUnavailableException)
        {
            return new QuoteAnswer(payment, text["QuoteUnavailable"], true);
        }
        catch (Exception ex) when (ex is DomainException or ConcurrencyConflictException)
        {
            return new QuoteAnswer(payment, text["StartFailed"], true);
        }
    }
}

/// <summary>What asking for a quote gave: the payment as it now is, a message for the account field, whether to stop and show.</summary>
public sealed record QuoteAnswer(PaymentSnapshot Payment, string? AccountError, bool ShowBeforePaying);

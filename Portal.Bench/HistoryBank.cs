using System.Globalization;
using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.Ledger;
using Portal.Domain.Payments;
using Portal.Domain.Rails;
using Portal.Domain.Refunds;
using Portal.SandboxBank;

namespace Portal.Bench;

/// <summary>
/// The sandbox bank's side of a grown history. For every order the history sends it writes the rows the bank itself
/// writes (the <see cref="BankOrder"/> as <c>Bank.ProcessAsync</c> fills it, the quote a cross-border payment spends,
/// step 6's ledger transaction as <see cref="BankOrderMovement"/> books it) and gives the answer the bank would give,
/// which the builder records on Portal's side: the same order ids, references, amounts and instants on both sides.
/// </summary>
/// <remarks>
/// Payers are opened once the history is grown (<see cref="Payers"/>), each with an opening balance from the bank's
/// funding account of what it went on to spend and a little more, so that every account ends as the bank would have
/// left it: balances equal to their entries.
/// </remarks>
internal sealed class HistoryBank(string merchantAccount, string paymentCallbackUrl, string refundCallbackUrl, string payerPinHash)
{
    /// <summary>What each payer keeps after its history, in its currency's minor units.</summary>
    private const long PayerFloatMinorUnits = 100_00;

    // Each payer's and the merchant's net movement over the history, and its currency.
    private readonly Dictionary<string, (string Currency, long Net)> _movements = new(StringComparer.Ordinal);

    /// <summary>The merchant's settlement account, which every order of the history credits or debits.</summary>
    public string MerchantAccount => merchantAccount;

    /// <summary>Step 5 and 6 of a payment: settled, or declined for want of funds (AM04) after it was verified.</summary>
    public RailResult Pay(HistoryBatch batch, Checkout checkout, Payment payment, AccountNumber payer, bool declined,
        DateTimeOffset verifiedAt, DateTimeOffset processedAt)
    {
        var quote = payment.Quote;
        var order = new BankOrder
        {
            OrderId = payment.OrderId,
            Kind = BankOrderKind.Payment,
            PayerAccount = payer.Value,
            MerchantAccount = merchantAccount,
            AmountMinorUnits = payment.AmountMinorUnits,
            CurrencyCode = payment.CurrencyCode,
            Reference = checkout.MerchantReference ?? checkout.Description,
            ReceivedAt = payment.OrderSentAt!.Value,
            VerifiedAt = verifiedAt,
            CallbackUrl = payment.Method == PaymentMethod.Fast ? paymentCallbackUrl : null,
            QuoteId = quote?.QuoteId,
            PayerAmountMinorUnits = quote?.PayerTotal.MinorUnits,
            PayerCurrencyCode = quote?.PayerCurrency.Code,
            Rate = quote?.Rate,
        };
        if (quote is not null)
        {
            // Claimed before step 6, so a declined order spends its quote too.
            batch.BankQuotes.Add(new BankQuote
            {
                QuoteId = quote.QuoteId,
                MerchantAccount = merchantAccount,
                AmountMinorUnits = quote.MerchantAmount.MinorUnits,
                CurrencyCode = quote.MerchantAmount.Currency.Code,
                PayerCurrencyCode = quote.PayerCurrency.Code,
                PayerAmountMinorUnits = quote.PayerAmount.MinorUnits,
                FeeMinorUnits = quote.Fee.MinorUnits,
                Rate = quote.Rate,
                QuotedAt = quote.QuotedAt,
                ExpiresAt = quote.ExpiresAt,
                UsedByOrderId = order.OrderId,
            });
        }
        // A payer whose every order was declined still has an account: the bank refused it for funds, not as unknown.
        _movements.TryAdd(payer.Value, (quote?.PayerCurrency.Code ?? payment.CurrencyCode, 0));
        return Decide(batch, order, declined ? FailureReason.InsufficientFunds : null, processedAt);
    }

    /// <summary>Step 5 and 6 of a refund: the merchant's account gives back to the payer's, a cross-border one its share.</summary>
    public RailResult Refund(HistoryBatch batch, Refund refund, Payment payment, AccountNumber payer, DateTimeOffset verifiedAt,
        DateTimeOffset processedAt)
    {
        var order = new BankOrder
        {
            OrderId = refund.OrderId,
            Kind = BankOrderKind.Refund,
            PayerAccount = payer.Value,
            MerchantAccount = merchantAccount,
            AmountMinorUnits = refund.AmountMinorUnits,
            CurrencyCode = refund.CurrencyCode,
            // As RefundFlow sends it.
            Reference = $"Refund of {payment.OrderId:N}",
            OriginalOrderId = payment.OrderId,
            ReceivedAt = refund.OrderSentAt!.Value,
            VerifiedAt = verifiedAt,
            CallbackUrl = refund.Method == PaymentMethod.Fast ? refundCallbackUrl : null,
            // The bank's share rule is the domain's, on the same earlier refunds (none: one refund per payment here).
            PayerAmountMinorUnits = refund.PayerAmount?.MinorUnits,
            PayerCurrencyCode = refund.PayerAmount?.Currency.Code,
            Rate = payment.FxRate,
        };
        return Decide(batch, order, null, processedAt);
    }

    /// <summary>
    /// The payers' accounts, opened at <paramref name="openedAt"/> with their opening transfers from the bank's funding
    /// account, and the merchant's net movement, which its balance takes on.
    /// </summary>
    public (List<BankAccount> Accounts, List<BankLedgerTransaction> Openings, long MerchantNet) Payers(DateTimeOffset openedAt)
    {
        var accounts = new List<BankAccount>();
        var openings = new List<BankLedgerTransaction>();
        foreach (var (number, (currency, net)) in _movements.Where(m => m.Key != merchantAccount).OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var opening = Money.FromMinorUnits(PayerFloatMinorUnits - net, currency);
            accounts.Add(new BankAccount
            {
                Number = number,
                HolderName = "History payer " + number[^4..],
                Kind = BankAccountKind.Payer,
                CurrencyCode = currency,
                BalanceMinorUnits = PayerFloatMinorUnits,
                // One hash for all: hashing a thousand PINs would cost the build minutes and prove nothing.
                PinHash = payerPinHash,
                Status = BankAccountStatus.Open,
                OpenedAt = openedAt,
            });
            openings.Add(BankLedgerTransaction.From(
                LedgerTransaction.Transfer($"opening:{number}", SandboxBankSeeder.FundingAccount, number, opening, openedAt)));
        }
        return (accounts, openings, _movements.TryGetValue(merchantAccount, out var merchant) ? merchant.Net : 0);
    }

    // The order's end as ProcessAsync or SettleAsync leaves it, and the answer the rail client reads from it.
    private RailResult Decide(HistoryBatch batch, BankOrder order, FailureReason? refusal, DateTimeOffset processedAt)
    {
        order.ProcessedAt = processedAt;
        order.Status = refusal is null ? BankOrderStatus.Settled : BankOrderStatus.Rejected;
        order.ReasonCode = refusal?.Code;
        order.ReasonMessage = refusal?.Message;
        if (refusal is null)
        {
            var movement = BankOrderMovement.Of(order);
            var ledger = movement.Book(order.OrderId, processedAt);
            batch.BankTransactions.Add(BankLedgerTransaction.From(ledger));
            order.LedgerTransactionId = ledger.Id;
            Move(movement.From, -movement.Debit);
            Move(movement.To, movement.Credit);
        }
        batch.BankOrders.Add(order);

        Money? payerAmount = order.IsCrossBorder ? Money.FromMinorUnits(order.PayerAmountMinorUnits!.Value, order.PayerCurrencyCode!) : null;
        return new RailResult(order.OrderId, order.Status == BankOrderStatus.Settled ? RailOrderStatus.Settled : RailOrderStatus.Rejected,
            refusal, order.VerifiedAt, order.ProcessedAt, order.LedgerTransactionId?.ToString("N", CultureInfo.InvariantCulture),
            payerAmount);
    }

    private void Move(string account, Money amount)
    {
        var (_, net) = _movements.GetValueOrDefault(account);
        _movements[account] = (amount.Currency.Code, net + amount.MinorUnits);
    }
}

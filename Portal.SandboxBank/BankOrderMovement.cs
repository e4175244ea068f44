using Portal.Domain.Common;
using Portal.Domain.Ledger;

namespace Portal.SandboxBank;

/// <summary>
/// What step 6 of an order moves: a payment debits the payer and credits the merchant, a refund the other way round,
/// each side exactly as recorded on the order (a cross-border payment's quoted total, a refund's share of it), whatever
/// the rates are by now.
/// </summary>
internal sealed record BankOrderMovement(string From, Money Debit, string To, Money Credit)
{
    public static BankOrderMovement Of(BankOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var merchantSide = Money.FromMinorUnits(order.AmountMinorUnits, order.CurrencyCode);
        var payerSide = order.IsCrossBorder
            ? Money.FromMinorUnits(order.PayerAmountMinorUnits!.Value, order.PayerCurrencyCode!)
            : merchantSide;
        return order.Kind == BankOrderKind.Payment
            ? new BankOrderMovement(order.PayerAccount, payerSide, order.MerchantAccount, merchantSide)
            : new BankOrderMovement(order.MerchantAccount, merchantSide, order.PayerAccount, payerSide);
    }

    /// <summary>The ledger transaction booking this movement under the order's id, posted at <paramref name="postedAt"/>.</summary>
    public LedgerTransaction Book(Guid orderId, DateTimeOffset postedAt) => Debit.Currency == Credit.Currency
        ? LedgerTransaction.Transfer(orderId.ToString(), From, To, Debit, postedAt)
        // Balanced per currency through the bank's FX positions: it takes one currency and pays out the other.
        : LedgerTransaction.Create(orderId.ToString(), postedAt,
            new LedgerEntry(From, -Debit.MinorUnits, Debit.Currency.Code),
            new LedgerEntry(Bank.FxPosition(Debit.Currency.Code), Debit.MinorUnits, Debit.Currency.Code),
            new LedgerEntry(Bank.FxPosition(Credit.Currency.Code), -Credit.MinorUnits, Credit.Currency.Code),
            new LedgerEntry(To, Credit.MinorUnits, Credit.Currency.Code));
}

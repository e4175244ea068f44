using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Domain.Common;
using Portal.Domain.CrossBorder;
using Portal.Domain.Payments;

namespace Portal.SandboxBank;

/// <summary>
/// The bank's side of an order: verifies it (step 5), then moves the money and books it (step 6), or records why not.
/// Every order that reaches it leaves a <see cref="BankOrder"/> row, so a later query answers what was decided.
/// A fast order stops after step 5 as Accepted; <see cref="SettleAsync"/> takes step 6 later, once.
/// </summary>
public sealed class Bank(
    IDbContextFactory<SandboxBankDbContext> databases,
    BankWriteGate writeGate,
    PinVerifier pins,
    FastSettlementQueue settlements,
    TimeProvider time,
    ILogger<Bank> logger)
{
    public const int MaxPinAttempts = 5;

    /// <summary>
    /// The bank's FX position in a currency (<c>BANK-FX-USD</c>): a ledger account only, like
    /// <see cref="SandboxBankSeeder.FundingAccount"/>, through which a conversion balances per currency.
    /// </summary>
    public static string FxPosition(string currencyCode) => $"BANK-FX-{currencyCode}";

    public async Task<BankOrder> ProcessAsync(BankOrderInstruction instruction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        var receivedAt = time.GetUtcNow();

        var (refusal, payerAccount, quote) = await VerifyAsync(instruction, receivedAt, cancellationToken);
        if (refusal == FailureReason.Duplicate)
        {
            return Duplicate(instruction, receivedAt);
        }
        DateTimeOffset? verifiedAt = refusal is null ? time.GetUtcNow() : null;

        using var writing = await writeGate.EnterAsync(cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        // The order's primary key refuses a duplicate that slipped past the early look (see the catch below): no
        // second read inside the write lock. EF's own savepoint around SaveChanges is not needed either: a failed
        // save rolls back the whole transaction.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = new BankOrder
        {
            OrderId = instruction.OrderId,
            Kind = instruction.Kind,
            PayerAccount = payerAccount,
            MerchantAccount = instruction.MerchantAccount,
            AmountMinorUnits = instruction.Amount.MinorUnits,
            CurrencyCode = instruction.Amount.Currency.Code,
            Reference = instruction.Reference,
            OriginalOrderId = instruction.OriginalOrderId,
            Status = BankOrderStatus.Accepted,
            ReceivedAt = receivedAt,
            VerifiedAt = verifiedAt,
            CallbackUrl = instruction.Mode == BankOrderMode.Fast ? instruction.CallbackUrl?.AbsoluteUri : null,
            QuoteId = instruction.QuoteId,
            PayerAmountMinorUnits = instruction.PayerAmount?.MinorUnits,
            PayerCurrencyCode = instruction.PayerAmount?.Currency.Code,
            Rate = quote?.Rate,
        };
        db.Orders.Add(order);

        if (refusal is null && order.QuoteId is { } quoteId)
        {
            // Claimed in the order's own transaction, by a conditional update inside the write gate: of two orders
            // carrying one quote, in parallel or not, one spends it and the other finds it used.
            var claimed = await db.Quotes
                .Where(q => q.QuoteId == quoteId && q.UsedByOrderId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.UsedByOrderId, order.OrderId), cancellationToken);
            refusal = claimed == 0 ? BankRefusals.QuoteUsed : null;
        }
        else if (refusal is null && order.OriginalOrderId is { } originalId)
        {
            // Inside the write gate, so that two refunds of one payment cannot both spend its last remainder.
            refusal = await CheckRefundAsync(db, order, originalId, cancellationToken);
        }
        if (refusal is not null && verifiedAt is not null)
        {
            order.VerifiedAt = verifiedAt = null;
        }

        var accepted = refusal is null && instruction.Mode == BankOrderMode.Fast;
        if (refusal is null && !accepted)
        {
            refusal = await MoveMoneyAsync(db, transaction, order, cancellationToken);
        }

        if (!accepted)
        {
            order.ProcessedAt = time.GetUtcNow();
            order.Status = refusal is null ? BankOrderStatus.Settled : BankOrderStatus.Rejected;
            order.ReasonCode = refusal?.Code;
            order.ReasonMessage = refusal?.Message;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            if (await ExistsAsync(instruction.OrderId, CancellationToken.None))
            {
                // Another process wrote the same order id first: the primary key refused this one, nothing moved.
                return Duplicate(instruction, receivedAt);
            }
            throw;
        }
        await transaction.CommitAsync(cancellationToken);

        if (accepted)
        {
            logger.OrderAccepted(order.OrderId, order.AmountMinorUnits, order.CurrencyCode);
            settlements.Schedule(order.OrderId, order.VerifiedAt!.Value);
        }
        else if (refusal is null)
        {
            logger.OrderSettled(order.Kind, order.OrderId, order.AmountMinorUnits, order.CurrencyCode);
        }
        else
        {
            logger.OrderRejected(order.Kind, order.OrderId, refusal.Code, verifiedAt is not null);
        }
        return order;
    }

    /// <summary>
    /// Step 6 of an accepted fast order: moves the money as a real-time order would, or rejects it (AM04 when the
    /// funds went away since acceptance). Exactly once: the order row moves from Accepted only by a conditional
    /// update in the same transaction, so a second settler finds nothing to do. Returns the settled order, or null
    /// when it was not (or no longer) accepted.
    /// </summary>
    public async Task<BankOrder?> SettleAsync(Guid orderId, CancellationToken cancellationToken = default)
    {
        var accepted = BankOrderStatus.Accepted;
        BankOrder? order;
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            order = await db.Orders.AsNoTracking()
                .SingleOrDefaultAsync(o => o.OrderId == orderId && o.Status == accepted, cancellationToken);
            if (order is null)
            {
                return null;
            }

            var refusal = await MoveMoneyAsync(db, transaction, order, cancellationToken);
            var processedAt = time.GetUtcNow();
            var status = refusal is null ? BankOrderStatus.Settled : BankOrderStatus.Rejected;
            var ledgerId = order.LedgerTransactionId;
            var reasonCode = refusal?.Code;
            var reasonMessage = refusal?.Message;
            var claimed = await db.Orders
                .Where(o => o.OrderId == orderId && o.Status == accepted)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, status)
                    .SetProperty(o => o.ProcessedAt, processedAt)
                    .SetProperty(o => o.ReasonCode, reasonCode)
                    .SetProperty(o => o.ReasonMessage, reasonMessage)
                    .SetProperty(o => o.LedgerTransactionId, ledgerId), cancellationToken);
            if (claimed == 0)
            {
                // Another settler got there first: its money moved, this one's must not.
                await transaction.RollbackAsync(CancellationToken.None);
                return null;
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            order.Status = status;
            order.ProcessedAt = processedAt;
            order.ReasonCode = refusal?.Code;
            order.ReasonMessage = refusal?.Message;
            if (refusal is null)
            {
                logger.OrderSettled(order.Kind, order.OrderId, order.AmountMinorUnits, order.CurrencyCode);
            }
            else
            {
                logger.OrderRejected(order.Kind, order.OrderId, refusal.Code, verified: true);
            }
        }
        return order;
    }

    /// <summary>Fast orders accepted and not yet settled, e.g. to settle after a restart.</summary>
    public async Task<IReadOnlyList<(Guid OrderId, DateTimeOffset AcceptedAt)>> FindAcceptedOrdersAsync(
        CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var accepted = BankOrderStatus.Accepted;
        var orders = await db.Orders.AsNoTracking()
            .Where(o => o.Status == accepted)
            .Select(o => new { o.OrderId, o.VerifiedAt, o.ReceivedAt })
            .ToListAsync(cancellationToken);
        return orders.Select(o => (o.OrderId, o.VerifiedAt ?? o.ReceivedAt)).ToList();
    }

    public async Task<BankOrder?> FindOrderAsync(Guid orderId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.OrderId == orderId, cancellationToken);
    }

    /// <summary>
    /// An account's balance and its ledger entries, newest first: the latest <paramref name="maxEntries"/>, or, with a
    /// range, those posted from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive). The statement
    /// says whether it holds every entry asked for, so that a reader never mistakes a cut list for a complete one.
    /// </summary>
    public async Task<BankStatement?> GetStatementAsync(string accountNumber, int maxEntries = 1000,
        DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Number == accountNumber, cancellationToken);
        if (account is null)
        {
            return null;
        }
        var entries =
            from entry in db.LedgerEntries
            join transaction in db.LedgerTransactions on entry.TransactionId equals transaction.Id
            where entry.AccountNumber == accountNumber
            select new { transaction.Id, transaction.Reference, entry.PostedAt, entry.AmountMinorUnits, EntryId = entry.Id };
        if (from is { } start)
        {
            entries = entries.Where(e => e.PostedAt >= start);
        }
        if (to is { } end)
        {
            entries = entries.Where(e => e.PostedAt < end);
        }
        // Filtered and ordered on the entry's own posting time, so the range is read newest first from the (account,
        // posted, id) index and stops at one more than asked for: its presence is how the statement knows it was cut.
        var lines = await entries
            .OrderByDescending(e => e.PostedAt)
            .ThenByDescending(e => e.EntryId)
            .Take(maxEntries + 1)
            .ToListAsync(cancellationToken);
        var complete = lines.Count <= maxEntries;
        return new BankStatement(account.Number, account.CurrencyCode, account.BalanceMinorUnits, time.GetUtcNow(),
            lines.Take(maxEntries).Select(l => new BankStatementLine(l.Id, l.Reference, l.PostedAt, l.AmountMinorUnits)).ToList(),
            from, to, complete);
    }

    private async Task<bool> ExistsAsync(Guid orderId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Orders.AnyAsync(o => o.OrderId == orderId, cancellationToken);
    }

    private BankOrder Duplicate(BankOrderInstruction instruction, DateTimeOffset receivedAt)
    {
        logger.DuplicateOrder(instruction.OrderId);
        // Not stored: the row under this id belongs to the first order, which a query still returns.
        return new BankOrder
        {
            OrderId = instruction.OrderId,
            Kind = instruction.Kind,
            PayerAccount = instruction.PayerAccount ?? "",
            MerchantAccount = instruction.MerchantAccount,
            AmountMinorUnits = instruction.Amount.MinorUnits,
            CurrencyCode = instruction.Amount.Currency.Code,
            Reference = instruction.Reference,
            OriginalOrderId = instruction.OriginalOrderId,
            Status = BankOrderStatus.Rejected,
            ReasonCode = FailureReason.Duplicate.Code,
            ReasonMessage = FailureReason.Duplicate.Message,
            ReceivedAt = receivedAt,
            ProcessedAt = receivedAt,
        };
    }

    // Step 5, or Duplicate for an order id the bank already holds, with the payer's account (a refund's is its
    // original payer) and the quote a cross-border payment spends. Reads without the write gate; the conditional
    // updates of the write (the quote's claim) and of step 6 re-check what may change meanwhile.
    private async Task<(FailureReason? Refusal, string PayerAccount, BankQuote? Quote)> VerifyAsync(
        BankOrderInstruction instruction, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        BankAccount? payer, merchant;
        BankQuote? quote = null;
        var payerAccount = instruction.PayerAccount ?? "";
        // The currency the payer's account must hold: the quote's, the original payment's payer's, or the order's.
        var payerCurrency = instruction.PayerAmount?.Currency.Code ?? instruction.Amount.Currency.Code;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            // Checked again by the order's primary key at write; this early look only spares a duplicate the PIN check.
            if (await db.Orders.AnyAsync(o => o.OrderId == instruction.OrderId, cancellationToken))
            {
                return (FailureReason.Duplicate, payerAccount, null);
            }
            if (instruction.QuoteId is { } quoteId)
            {
                quote = await db.Quotes.AsNoTracking().SingleOrDefaultAsync(q => q.QuoteId == quoteId, cancellationToken);
            }
            if (instruction.Kind == BankOrderKind.Refund)
            {
                var original = await db.Orders.AsNoTracking()
                    .SingleOrDefaultAsync(o => o.OrderId == instruction.OriginalOrderId, cancellationToken);
                if (original is null || original.Kind != BankOrderKind.Payment || original.Status != BankOrderStatus.Settled ||
                    original.MerchantAccount != instruction.MerchantAccount || original.CurrencyCode != instruction.Amount.Currency.Code)
                {
                    return (BankRefusals.OriginalNotRefundable, payerAccount, null);
                }
                payerAccount = original.PayerAccount;
                payerCurrency = original.PayerCurrencyCode ?? original.CurrencyCode;
            }
            var accounts = await db.Accounts.AsNoTracking()
                .Where(a => a.Number == payerAccount || a.Number == instruction.MerchantAccount)
                .ToListAsync(cancellationToken);
            payer = accounts.SingleOrDefault(a => a.Number == payerAccount);
            merchant = accounts.SingleOrDefault(a => a.Number == instruction.MerchantAccount);
        }
        return (await VerifyAccountsAsync(instruction, payer, merchant, payerCurrency, quote, receivedAt, cancellationToken),
            payerAccount, quote);
    }

    private async Task<FailureReason?> VerifyAccountsAsync(BankOrderInstruction instruction, BankAccount? payer,
        BankAccount? merchant, string payerCurrency, BankQuote? quote, DateTimeOffset receivedAt,
        CancellationToken cancellationToken)
    {
        var currency = instruction.Amount.Currency.Code;
        if (payer is null || payer.Kind != BankAccountKind.Payer)
        {
            return FailureReason.UnknownAccount;
        }
        if (payer.Status == BankAccountStatus.Closed)
        {
            return FailureReason.ClosedAccount;
        }
        if (payer.Status == BankAccountStatus.Locked && instruction.Kind == BankOrderKind.Payment)
        {
            return FailureReason.PinLocked;
        }
        if (!instruction.Amount.IsPositive)
        {
            return BankRefusals.InvalidAmount;
        }
        if (instruction.QuoteId is not null && CheckQuote(instruction, quote, receivedAt) is { } quoteRefusal)
        {
            return quoteRefusal;
        }
        if (payer.CurrencyCode != payerCurrency)
        {
            return BankRefusals.CurrencyNotAllowed;
        }
        if (merchant is null || merchant.Kind != BankAccountKind.Merchant || merchant.Status != BankAccountStatus.Open ||
            merchant.CurrencyCode != currency)
        {
            return BankRefusals.MerchantAccountInvalid;
        }
        // Last, so that an order refused for another reason does not count against the payer's PIN.
        return instruction.Kind == BankOrderKind.Payment ? await CheckPinAsync(payer, instruction.Pin, cancellationToken) : null;
    }

    // The quote is the one this payment was given: the same merchant, amount and payer total, unused, and received
    // before it expired (at the bank's receipt, so an order accepted in time is honoured when it settles later).
    private static FailureReason? CheckQuote(BankOrderInstruction instruction, BankQuote? quote, DateTimeOffset receivedAt)
    {
        if (quote is null || quote.MerchantAccount != instruction.MerchantAccount ||
            quote.AmountMinorUnits != instruction.Amount.MinorUnits || quote.CurrencyCode != instruction.Amount.Currency.Code ||
            instruction.PayerAmount is not { } payerAmount || quote.PayerCurrencyCode != payerAmount.Currency.Code ||
            quote.PayerTotalMinorUnits != payerAmount.MinorUnits)
        {
            return BankRefusals.QuoteMismatch;
        }
        if (quote.UsedByOrderId is not null)
        {
            return BankRefusals.QuoteUsed;
        }
        return receivedAt >= quote.ExpiresAt ? BankRefusals.QuoteExpired : null;
    }

    // What the original payment still allows: its amount less every refund settled or under way. A refund of a
    // cross-border payment also takes its share of what the payer paid, cumulatively proportional (the domain's rule),
    // decided here with the refunds before it.
    private static async Task<FailureReason?> CheckRefundAsync(SandboxBankDbContext db, BankOrder refund, Guid originalId,
        CancellationToken cancellationToken)
    {
        var original = await db.Orders.AsNoTracking().Where(o => o.OrderId == originalId)
            .Select(o => new { o.AmountMinorUnits, o.CurrencyCode, o.PayerAmountMinorUnits, o.PayerCurrencyCode, o.Rate })
            .SingleAsync(cancellationToken);
        var refunded = await db.Orders
            .Where(o => o.OriginalOrderId == originalId &&
                        (o.Status == BankOrderStatus.Settled || o.Status == BankOrderStatus.Accepted))
            .SumAsync(o => o.AmountMinorUnits, cancellationToken);
        if (refunded + refund.AmountMinorUnits > original.AmountMinorUnits)
        {
            return BankRefusals.RefundExceedsPayment;
        }
        if (original is not { PayerAmountMinorUnits: { } payerPaid, PayerCurrencyCode: { } payerCurrency })
        {
            return null;
        }
        Money share;
        try
        {
            share = FxConversion.PayerRefund(Money.FromMinorUnits(refund.AmountMinorUnits, original.CurrencyCode),
                Money.FromMinorUnits(refunded, original.CurrencyCode),
                Money.FromMinorUnits(original.AmountMinorUnits, original.CurrencyCode),
                Money.FromMinorUnits(payerPaid, payerCurrency));
        }
        catch (DomainValidationException)
        {
            return BankRefusals.RefundTooSmallToConvert;
        }
        refund.PayerAmountMinorUnits = share.MinorUnits;
        refund.PayerCurrencyCode = payerCurrency;
        refund.Rate = original.Rate;
        return null;
    }

    private async Task<FailureReason?> CheckPinAsync(BankAccount payer, string? pin, CancellationToken cancellationToken)
    {
        var correct = pin is not null && pins.Verify(payer.Number, pin, payer.PinHash);
        if (correct && payer.FailedPinAttempts == 0)
        {
            return null;
        }

        using var writing = await writeGate.EnterAsync(cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var open = BankAccountStatus.Open;
        // Decided on the account as it is now, inside the write lock: parallel guesses on many checkouts each read it
        // open before any of them locked it, and without this the ones judged after the lock answered "wrong PIN" while
        // the right PIN answered "locked", which named the right one.
        var now = await db.Accounts.Where(a => a.Number == payer.Number).Select(a => a.Status).SingleAsync(cancellationToken);
        if (now == BankAccountStatus.Locked)
        {
            return FailureReason.PinLocked;
        }
        if (correct)
        {
            await db.Accounts
                .Where(a => a.Number == payer.Number && a.FailedPinAttempts > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.FailedPinAttempts, 0).SetProperty(a => a.Version, a => a.Version + 1),
                    cancellationToken);
            return null;
        }

        // Counted in the database, not from the row read above, so that parallel guesses each count.
        await db.Accounts
            .Where(a => a.Number == payer.Number && a.Status == open)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.FailedPinAttempts, a => a.FailedPinAttempts + 1)
                .SetProperty(a => a.Version, a => a.Version + 1), cancellationToken);
        var locked = await db.Accounts
            .Where(a => a.Number == payer.Number && a.Status == open && a.FailedPinAttempts >= MaxPinAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, BankAccountStatus.Locked)
                .SetProperty(a => a.Version, a => a.Version + 1), cancellationToken);
        if (locked > 0)
        {
            logger.AccountLocked(payer.Number.Length > 8 ? Domain.Common.AccountNumber.Mask(payer.Number) : "••••");
            return FailureReason.PinLocked;
        }
        return FailureReason.WrongPin;
    }

    // Step 6. The debit is one conditional UPDATE (balance >= amount and account open), so the balance is checked and
    // changed by the database in one statement: no read-check-write window in which two orders spend the same money.
    private async Task<FailureReason?> MoveMoneyAsync(SandboxBankDbContext db,
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, BankOrder order,
        CancellationToken cancellationToken)
    {
        var movement = BankOrderMovement.Of(order);
        var (from, to) = (movement.From, movement.To);
        var amount = movement.Debit.MinorUnits;
        var creditAmount = movement.Credit.MinorUnits;
        var open = BankAccountStatus.Open;

        await transaction.CreateSavepointAsync("move", cancellationToken);
        var debited = await db.Accounts
            .Where(a => a.Number == from && a.Status == open && a.BalanceMinorUnits >= amount)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.BalanceMinorUnits, a => a.BalanceMinorUnits - amount)
                .SetProperty(a => a.Version, a => a.Version + 1), cancellationToken);
        if (debited == 0)
        {
            return await WhyNotDebitedAsync(db, from, cancellationToken);
        }

        // A refund may go to a payer locked for PINs; a closed account receives nothing.
        var credited = await db.Accounts
            .Where(a => a.Number == to && a.Status != BankAccountStatus.Closed)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.BalanceMinorUnits, a => a.BalanceMinorUnits + creditAmount)
                .SetProperty(a => a.Version, a => a.Version + 1), cancellationToken);
        if (credited == 0)
        {
            await transaction.RollbackToSavepointAsync("move", cancellationToken);
            return order.Kind == BankOrderKind.Payment ? BankRefusals.MerchantAccountInvalid : FailureReason.ClosedAccount;
        }

        var ledger = movement.Book(order.OrderId, time.GetUtcNow());
        db.LedgerTransactions.Add(BankLedgerTransaction.From(ledger));
        order.LedgerTransactionId = ledger.Id;
        return null;
    }

    private static async Task<FailureReason> WhyNotDebitedAsync(SandboxBankDbContext db, string account,
        CancellationToken cancellationToken)
    {
        var status = await db.Accounts.Where(a => a.Number == account).Select(a => (BankAccountStatus?)a.Status)
            .SingleOrDefaultAsync(cancellationToken);
        return status switch
        {
            null => FailureReason.UnknownAccount,
            BankAccountStatus.Closed => FailureReason.ClosedAccount,
            BankAccountStatus.Locked => FailureReason.PinLocked,
            _ => FailureReason.InsufficientFunds,
        };
    }
}

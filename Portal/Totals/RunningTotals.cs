using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Portal.Domain.Payments;
using Portal.Domain.Refunds;

namespace Portal.Totals;

/// <summary>
/// Keeps the running totals in the unit of work that changes what they count: just before a save, each tracked payment
/// and refund that is new or changed takes its old contribution out and puts its new one in, as delta rows added to
/// the same SaveChanges. The totals commit with the change or not at all, whichever code path saved it; a delta never
/// updates a shared row, so payments of one merchant do not queue behind each other's counter.
/// </summary>
internal static class RunningTotals
{
    /// <summary>Adds the deltas of the pending changes; returns them, to be forgotten if the save fails.</summary>
    public static List<object>? Record(DbContext db)
    {
        Dictionary<PaymentDayKey, PaymentDaySums>? payments = null;
        Dictionary<SettlementDayKey, SettlementDaySums>? settlements = null;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.Entity is not (Payment or Refund))
            {
                continue;
            }
            switch (entry.State)
            {
                case EntityState.Added:
                    Count(entry, entry.CurrentValues, +1, ref payments, ref settlements);
                    break;
                case EntityState.Modified:
                    Count(entry, entry.OriginalValues, -1, ref payments, ref settlements);
                    Count(entry, entry.CurrentValues, +1, ref payments, ref settlements);
                    break;
                case EntityState.Deleted:
                    Count(entry, entry.OriginalValues, -1, ref payments, ref settlements);
                    break;
            }
        }

        List<object>? added = null;
        foreach (var (key, sums) in payments ?? [])
        {
            if (!sums.IsZero)
            {
                var row = new PaymentDayTotal
                {
                    MerchantId = key.MerchantId, Day = key.Day, Method = key.Method, CurrencyCode = key.CurrencyCode, Status = key.Status,
                    Count = sums.Count, AmountMinorUnits = sums.Amount, CrossBorderCount = sums.CrossBorder,
                };
                db.Add(row);
                (added ??= []).Add(row);
            }
        }
        foreach (var (key, sums) in settlements ?? [])
        {
            if (!sums.IsZero)
            {
                var row = new SettlementDayTotal
                {
                    MerchantId = key.MerchantId, Day = key.Day, CurrencyCode = key.CurrencyCode,
                    PaymentCount = sums.PaymentCount, GrossMinorUnits = sums.Gross, FxPaymentCount = sums.FxPaymentCount,
                    FxVolumeMinorUnits = sums.FxVolume, RefundCount = sums.RefundCount, RefundsMinorUnits = sums.Refunds,
                };
                db.Add(row);
                (added ??= []).Add(row);
            }
        }
        return added;
    }

    /// <summary>
    /// A save that failed must not leave its deltas tracked: the next save of the same context (a retry after a
    /// conflict) counts its changes again from their original values.
    /// </summary>
    public static void Forget(DbContext db, List<object>? added)
    {
        foreach (var row in added ?? [])
        {
            var entry = db.Entry(row);
            if (entry.State == EntityState.Added)
            {
                entry.State = EntityState.Detached;
            }
        }
    }

    /// <summary>The UTC day of an instant, as the reports count days.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    private static void Count(EntityEntry entry, PropertyValues values, int sign,
        ref Dictionary<PaymentDayKey, PaymentDaySums>? payments, ref Dictionary<SettlementDayKey, SettlementDaySums>? settlements)
    {
        if (entry.Entity is Payment)
        {
            var merchantId = values.GetValue<Guid>(nameof(Payment.MerchantId));
            var currency = values.GetValue<string>(nameof(Payment.CurrencyCode));
            var status = values.GetValue<PaymentStatus>(nameof(Payment.Status));
            var amount = values.GetValue<long>(nameof(Payment.AmountMinorUnits));
            var crossBorder = values.GetValue<string?>(nameof(Payment.QuoteId)) is null ? 0 : 1;
            var day = DayOf(values.GetValue<DateTimeOffset>(nameof(Payment.MethodChosenAt)));
            var bucket = SumsOf(ref payments, new PaymentDayKey(merchantId, day, values.GetValue<PaymentMethod>(nameof(Payment.Method)), currency, status));
            bucket.Count += sign;
            bucket.Amount += sign * amount;
            bucket.CrossBorder += sign * crossBorder;

            if (status == PaymentStatus.Succeeded && values.GetValue<DateTimeOffset?>(nameof(Payment.PayeeProcessedAt)) is { } settledAt)
            {
                var settled = SumsOf(ref settlements, new SettlementDayKey(merchantId, DayOf(settledAt), currency));
                settled.PaymentCount += sign;
                settled.Gross += sign * amount;
                settled.FxPaymentCount += sign * crossBorder;
                settled.FxVolume += sign * crossBorder * amount;
            }
        }
        else if (values.GetValue<RefundStatus>(nameof(Refund.Status)) == RefundStatus.Succeeded &&
                 values.GetValue<DateTimeOffset?>(nameof(Refund.ProcessedAt)) is { } refundedAt)
        {
            var settled = SumsOf(ref settlements, new SettlementDayKey(values.GetValue<Guid>(nameof(Refund.MerchantId)),
                DayOf(refundedAt), values.GetValue<string>(nameof(Refund.CurrencyCode))));
            settled.RefundCount += sign;
            settled.Refunds += sign * values.GetValue<long>(nameof(Refund.AmountMinorUnits));
        }
    }

    private static TSums SumsOf<TKey, TSums>(ref Dictionary<TKey, TSums>? sums, TKey key)
        where TKey : notnull
        where TSums : new()
    {
        sums ??= [];
        if (!sums.TryGetValue(key, out var found))
        {
            sums[key] = found = new TSums();
        }
        return found;
    }
}

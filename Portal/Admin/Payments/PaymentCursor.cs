using Portal.Domain.Payments;

namespace Portal.Admin.Payments;

/// <summary>
/// A place in the payments list: the sort keys of the row it stands at (under any sort the list offers, a row's value,
/// then when its method was chosen, then its id). A page starts strictly after or before one, so payments arriving
/// meanwhile neither repeat nor push rows off a page as offsets would. It stays in the staff member's circuit and never
/// travels in a URL, so it needs no signature: nothing outside the server can hand one in.
/// </summary>
public sealed record PaymentCursor(DateTimeOffset StartedAt, Guid Id, long AmountMinorUnits = 0,
    PaymentStatus Status = default, PaymentMethod Method = default)
{
    /// <summary>Where a row stands.</summary>
    public static PaymentCursor At(PaymentRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.StartedAt, row.Id, row.Amount.MinorUnits, row.Status, row.Method);
    }

    /// <summary>
    /// Where a time-sorted list reaches <paramref name="day"/> (a UTC day): newest first, just after the day's end, so
    /// the next page starts with its last payment; oldest first, just before its start.
    /// </summary>
    public static PaymentCursor Day(DateOnly day, bool descending)
    {
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        // Instants are stored in ticks, so one tick before midnight is before every payment of the day; no id sorts below
        // the empty one nor above the all-ones one.
        return descending
            ? new(start.AddDays(1), Guid.Empty)
            : new(start.AddTicks(-1), Guid.AllBitsSet);
    }
}

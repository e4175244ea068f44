using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Domain.Reports;

/// <summary>
/// The whole UTC days a report covers, both ends included. Reports count days in UTC, not in a staff member's zone,
/// so that two people (or a person and the bank) reading the same day read the same payments.
/// </summary>
public sealed record ReportPeriod
{
    /// <summary>A year and a leap day: a full year's report is allowed, anything longer is refused.</summary>
    public const int MaxDays = 366;

    public const string DateFormat = "yyyy-MM-dd";

    private ReportPeriod(DateOnly from, DateOnly to)
    {
        From = from;
        To = to;
    }

    public DateOnly From { get; }

    public DateOnly To { get; }

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>Midnight UTC at the start of <see cref="From"/>.</summary>
    public DateTimeOffset Start => Midnight(From);

    /// <summary>Midnight UTC after <see cref="To"/>: the first instant outside the period.</summary>
    public DateTimeOffset End => Midnight(To.AddDays(1));

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    /// <summary>The period, or a validation error naming the field at fault.</summary>
    public static ReportPeriod Create(DateOnly from, DateOnly to)
    {
        return RangeFault(from, to) is { } fault
            ? throw new DomainValidationException("to", fault)
            : new ReportPeriod(from, to);
    }

    /// <summary>
    /// Reads <c>yyyy-MM-dd</c> days as they arrive in a query string; every fault is reported, none thrown, so that an
    /// endpoint can answer with a validation problem.
    /// </summary>
    public static ReportPeriod? TryParse(string? from, string? to, out IReadOnlyDictionary<string, string[]> errors)
    {
        var found = new Dictionary<string, string[]>();
        var fromDay = ParseDay(from, "from", found);
        var toDay = ParseDay(to, "to", found);
        if (fromDay is { } f && toDay is { } t && RangeFault(f, t) is { } fault)
        {
            found["to"] = [fault];
        }
        errors = found;
        return found.Count == 0 ? new ReportPeriod(fromDay!.Value, toDay!.Value) : null;
    }

    public override string ToString() =>
        $"{From.ToString(DateFormat, CultureInfo.InvariantCulture)}..{To.ToString(DateFormat, CultureInfo.InvariantCulture)}";

    private static DateOnly? ParseDay(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = [$"A '{field}' day is required, as yyyy-MM-dd."];
            return null;
        }
        if (text.Length > DateFormat.Length ||
            !DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors[field] = [$"'{Shorten(text)}' is not a day; write it as yyyy-MM-dd, e.g. 2026-11-25."];
            return null;
        }
        return day;
    }

    private static string? RangeFault(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return "The last day comes before the first; swap them.";
        }
        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            return $"A report covers at most {MaxDays} days; choose a shorter range.";
        }
        // End is the midnight after To, which must still be a date.
        return to == DateOnly.MaxValue ? "The last day is too far in the future." : null;
    }

    // An echo of bad input is helpful, a 10 KB one is not.
    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}

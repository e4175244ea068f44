using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Portal.Totals;

/// <summary>
/// Stores a day as its number since 0001-01-01, which is also an instant's UTC ticks divided by a day's: the SQL that
/// recounts totals from the payments' tick columns computes the same value on every provider.
/// </summary>
public sealed class DayNumberConverter() : ValueConverter<DateOnly, int>(
    day => day.DayNumber,
    number => DateOnly.FromDayNumber(number));

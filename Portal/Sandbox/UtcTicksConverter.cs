using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Portal.Sandbox;

/// <summary>
/// Stores an instant as UTC ticks: SQLite keeps DateTimeOffset as text and cannot compare it in SQL, which the
/// nonce purge and statement ordering need. The offset is dropped; every instant comes back in UTC.
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Portal.SandboxBank;

/// <summary>
/// Stores an instant as its UTC ticks, sortable and comparable in SQLite. Portal has its own: the bank shares no code
/// with Portal but the domain's value types.
/// </summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

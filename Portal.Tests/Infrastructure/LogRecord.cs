using Microsoft.Extensions.Logging;

namespace Portal.Tests.Infrastructure;

/// <summary>A log record as written: its category, level, event name, message and the message's named values.</summary>
public sealed record LogRecord(string Category, LogLevel Level, string? EventName, string Message, IReadOnlyDictionary<string, object?> Values);

namespace Portal.Domain.Common;

/// <summary>Another writer changed the same entity first (its version moved on): reload and decide again.</summary>
public sealed class ConcurrencyConflictException(string message, Exception? inner = null) : Exception(message, inner);

namespace Portal.Domain.Rails;

/// <summary>The rail could not be reached or did not answer in time: the order's outcome is unknown, not failed.</summary>
public sealed class RailUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

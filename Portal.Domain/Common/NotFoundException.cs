namespace Portal.Domain.Common;

/// <summary>The thing asked for does not exist, or not for the one asking: both read as "not found".</summary>
public sealed class NotFoundException(string what) : DomainException($"{what} was not found.");

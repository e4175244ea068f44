namespace Portal.Domain.Common;

/// <summary>The caller is known but their role does not allow this; nothing was changed.</summary>
public sealed class ForbiddenException(string message) : DomainException(message);

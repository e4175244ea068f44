namespace Portal.Domain.Common;

/// <summary>A business rule was broken. Outcomes (a declined payment) are data, not exceptions.</summary>
public class DomainException(string message) : Exception(message);

namespace Portal.Domain.Common;

/// <summary>An entity was asked to move to a state its state machine does not allow from where it is.</summary>
public sealed class InvalidTransitionException(string entity, string from, string to)
    : DomainException($"{entity} cannot move from {from} to {to}.")
{
    public string From { get; } = from;
    public string To { get; } = to;
}

namespace Portal.Api.Resources;

/// <summary>One of the seven steps of a payment or refund: its number, its name and when it happened (null until then).</summary>
public sealed record StepResource(int Number, string Name, DateTimeOffset? At);

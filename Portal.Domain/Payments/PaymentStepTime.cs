namespace Portal.Domain.Payments;

/// <summary>When a payment completed one of its seven steps.</summary>
public sealed record PaymentStepTime(PaymentStep Step, DateTimeOffset At);

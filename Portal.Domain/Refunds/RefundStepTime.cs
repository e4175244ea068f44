namespace Portal.Domain.Refunds;

public sealed record RefundStepTime(RefundStep Step, DateTimeOffset At);

namespace Portal.LiveUpdates;

public sealed record PaymentStepUpdate(int Number, string Name, DateTime At);

namespace Portal.Bench;

/// <summary>
/// What the timed searches look for: a payment from the middle of the history (so neither end of an index favours
/// it), its checkout and reference; with the history's size and its last instant, which the page and day queries need.
/// </summary>
internal sealed record HistorySample(int Payments, DateTimeOffset End, Guid PaymentId, Guid CheckoutId, string Reference);

namespace Portal.Admin.Payments;

/// <summary>A filter read from a query string and, by query key, what was wrong with the values that were left out.</summary>
public sealed record PaymentFilterReading(PaymentFilter Filter, IReadOnlyDictionary<string, string[]> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

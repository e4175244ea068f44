using Portal.Domain.Payments;

namespace Portal.Admin.Dashboard;

/// <summary>
/// How fast one method's succeeded payments in one currency were: step 1 → step 6, median and p95, and the field's
/// measure, seconds per 100 units of the currency (duration ÷ amount × 100), median and p95.
/// </summary>
public sealed record MethodSpeed(
    PaymentMethod Method,
    string CurrencyCode,
    int Count,
    TimeSpan MedianDuration,
    TimeSpan P95Duration,
    decimal MedianSecondsPer100,
    decimal P95SecondsPer100);

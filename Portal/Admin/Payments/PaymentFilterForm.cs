using System.Globalization;
using Microsoft.Extensions.Primitives;
using Portal.Domain.Payments;

namespace Portal.Admin.Payments;

/// <summary>
/// The filter bar's fields as typed. Turned into a filter by the same <see cref="PaymentFilterReader"/> that reads the
/// URL, so a value refused in the bar is refused in a link with the same message.
/// </summary>
public sealed class PaymentFilterForm
{
    public PaymentStatus? Status { get; set; }

    public PaymentMethod? Method { get; set; }

    public DateTime? From { get; set; }

    public DateTime? To { get; set; }

    public string? MinAmount { get; set; }

    public string? MaxAmount { get; set; }

    public string? Search { get; set; }

    public bool IncludeAbandoned { get; set; }

    public static PaymentFilterForm Of(PaymentFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new()
        {
            Status = filter.Status,
            Method = filter.Method,
            From = filter.From?.ToDateTime(TimeOnly.MinValue),
            To = filter.To?.ToDateTime(TimeOnly.MinValue),
            MinAmount = filter.MinAmount?.ToAmountString(),
            MaxAmount = filter.MaxAmount?.ToAmountString(),
            Search = filter.Search,
            IncludeAbandoned = filter.IncludeAbandoned,
        };
    }

    /// <summary>The fields as the query string would carry them.</summary>
    public IEnumerable<KeyValuePair<string, StringValues>> ToQuery()
    {
        static string? Day(DateTime? at) => at?.ToString(PaymentFilterReader.DateFormat, CultureInfo.InvariantCulture);
        return new Dictionary<string, StringValues>
        {
            [PaymentFilterReader.StatusKey] = Status?.ToString(),
            [PaymentFilterReader.MethodKey] = Method?.ToString(),
            [PaymentFilterReader.FromKey] = Day(From),
            [PaymentFilterReader.ToKey] = Day(To),
            [PaymentFilterReader.MinKey] = MinAmount,
            [PaymentFilterReader.MaxKey] = MaxAmount,
            [PaymentFilterReader.SearchKey] = Search,
            [PaymentFilterReader.AllKey] = IncludeAbandoned ? "true" : null,
        }.Where(pair => !StringValues.IsNullOrEmpty(pair.Value));
    }
}

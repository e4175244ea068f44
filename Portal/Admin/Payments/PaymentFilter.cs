using System.Globalization;
using Portal.Domain.Common;
using Portal.Domain.Payments;

namespace Portal.Admin.Payments;

/// <summary>
/// Which payments the list and its CSV export show. It travels in the URL's query string (<see cref="ToQueryString"/>,
/// read back by <see cref="PaymentFilterReader"/>), so a filtered view can be bookmarked, shared and reloaded.
/// Days are UTC days, both ends included; amounts are exact money in the merchant's currency.
/// </summary>
public sealed record PaymentFilter
{
    public static readonly PaymentFilter None = new();

    public PaymentStatus? Status { get; init; }

    public PaymentMethod? Method { get; init; }

    /// <summary>The first UTC day whose payments are shown (by the instant the method was chosen).</summary>
    public DateOnly? From { get; init; }

    /// <summary>The last UTC day whose payments are shown.</summary>
    public DateOnly? To { get; init; }

    public Money? MinAmount { get; init; }

    public Money? MaxAmount { get; init; }

    /// <summary>A payment id, whole or its first characters, or the start of the checkout's merchant reference.</summary>
    public string? Search { get; init; }

    /// <summary>Also shows attempts the customer abandoned for another method (hidden unless asked for, or filtered by status).</summary>
    public bool IncludeAbandoned { get; init; }

    public bool IsEmpty => this == None;

    /// <summary>The instant the range starts, inclusive.</summary>
    public DateTimeOffset? FromInstant => From is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    /// <summary>The instant the range ends, exclusive: the start of the day after <see cref="To"/>.</summary>
    public DateTimeOffset? ToInstantExclusive => To is { } day ? new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    /// <summary>The filter as query-string pairs (invariant formats), without the leading "?"; empty for no filter.</summary>
    public string ToQueryString()
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                pairs.Add(new(key, value));
            }
        }
        Add(PaymentFilterReader.StatusKey, Status?.ToString());
        Add(PaymentFilterReader.MethodKey, Method?.ToString());
        Add(PaymentFilterReader.FromKey, From?.ToString(PaymentFilterReader.DateFormat, CultureInfo.InvariantCulture));
        Add(PaymentFilterReader.ToKey, To?.ToString(PaymentFilterReader.DateFormat, CultureInfo.InvariantCulture));
        Add(PaymentFilterReader.MinKey, MinAmount?.ToAmountString());
        Add(PaymentFilterReader.MaxKey, MaxAmount?.ToAmountString());
        Add(PaymentFilterReader.SearchKey, Search);
        Add(PaymentFilterReader.AllKey, IncludeAbandoned ? "true" : null);
        return QueryString.Create(pairs).ToUriComponent().TrimStart('?');
    }

    /// <summary>Whether a payment as pushed live still belongs in the list (the search is left to the database).</summary>
    public bool Admits(PaymentSnapshot payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var started = payment.TimeOf(PaymentStep.MethodChosen);
        return (Status is { } status ? payment.Status == status : IncludeAbandoned || payment.Status != PaymentStatus.Abandoned)
            && (Method is not { } method || payment.Method == method)
            && (FromInstant is not { } from || started >= from)
            && (ToInstantExclusive is not { } to || started < to)
            && (MinAmount is not { } min || (payment.CurrencyCode == min.Currency.Code && payment.AmountMinorUnits >= min.MinorUnits))
            && (MaxAmount is not { } max || (payment.CurrencyCode == max.Currency.Code && payment.AmountMinorUnits <= max.MinorUnits));
    }
}

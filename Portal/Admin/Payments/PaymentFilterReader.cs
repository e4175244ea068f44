using System.Globalization;
using Microsoft.Extensions.Primitives;
using Portal.Domain.Common;
using Portal.Domain.Payments;

namespace Portal.Admin.Payments;

/// <summary>
/// Reads a <see cref="PaymentFilter"/> from a query string as people and links write it. A malformed value never
/// throws: it is left out of the filter and named in <see cref="PaymentFilterReading.Problems"/>, so the page can say
/// what it ignored and the export can answer 400 with the same words.
/// </summary>
public static class PaymentFilterReader
{
    public const string StatusKey = "status";
    public const string MethodKey = "method";
    public const string FromKey = "from";
    public const string ToKey = "to";
    public const string MinKey = "min";
    public const string MaxKey = "max";
    public const string SearchKey = "q";
    public const string AllKey = "all";
    public const string DateFormat = "yyyy-MM-dd";
    public const int SearchMaxLength = 64;

    public static PaymentFilterReading Read(IEnumerable<KeyValuePair<string, StringValues>> query, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(currency);
        var values = query
            .GroupBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.SelectMany(pair => pair.Value).ToArray(), StringComparer.OrdinalIgnoreCase);
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var filter = PaymentFilter.None;

        string? Single(string key)
        {
            if (!values.TryGetValue(key, out var found) || found.All(string.IsNullOrWhiteSpace))
            {
                return null;
            }
            if (found.Length > 1)
            {
                problems[key] = [$"“{key}” was given {found.Length} times; give it once."];
                return null;
            }
            return found[0]!.Trim();
        }

        if (Single(StatusKey) is { } status)
        {
            if (TryParseName<PaymentStatus>(status, out var value))
            {
                filter = filter with { Status = value };
            }
            else
            {
                problems[StatusKey] = [$"Status “{status}” is not one of {string.Join(", ", Enum.GetNames<PaymentStatus>())}."];
            }
        }
        if (Single(MethodKey) is { } method)
        {
            if (TryParseName<PaymentMethod>(method, out var value))
            {
                filter = filter with { Method = value };
            }
            else
            {
                problems[MethodKey] = [$"Method “{method}” is not one of {string.Join(", ", Enum.GetNames<PaymentMethod>())}."];
            }
        }

        var from = ReadDay(Single(FromKey), FromKey, "From", problems);
        var to = ReadDay(Single(ToKey), ToKey, "To", problems);
        if (from is not null && to is not null && from > to)
        {
            problems[ToKey] = [$"The date range ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})."];
            to = null;
        }
        filter = filter with { From = from, To = to };

        var min = ReadAmount(Single(MinKey), MinKey, "Minimum amount", currency, problems);
        var max = ReadAmount(Single(MaxKey), MaxKey, "Maximum amount", currency, problems);
        if (min is { } low && max is { } high && low > high)
        {
            problems[MaxKey] = [$"The maximum amount ({high.Format(CultureInfo.InvariantCulture)}) is below the minimum ({low.Format(CultureInfo.InvariantCulture)})."];
            max = null;
        }
        filter = filter with { MinAmount = min, MaxAmount = max };

        if (Single(SearchKey) is { } search)
        {
            if (search.Length > SearchMaxLength || search.Any(char.IsControl) || !IsWellFormed(search))
            {
                problems[SearchKey] = [$"Search for a payment id (whole, or its first {Domain.Payments.Payment.IdPrefixLength} characters or more), a checkout id, or the start of a merchant reference: at most {SearchMaxLength} characters."];
            }
            else
            {
                filter = filter with { Search = search };
            }
        }

        if (Single(AllKey) is { } all)
        {
            if (bool.TryParse(all, out var includeAbandoned) || TryParseBit(all, out includeAbandoned))
            {
                filter = filter with { IncludeAbandoned = includeAbandoned };
            }
            else
            {
                problems[AllKey] = [$"“{all}” is not true or false."];
            }
        }
        return new PaymentFilterReading(filter, problems);
    }

    // A lone half of a surrogate pair is no character: no reference holds one, and it has no place in an order.
    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }
        return true;
    }

    // Names only: Enum.TryParse also takes numbers ("7"), which would name no member.
    private static bool TryParseName<TEnum>(string text, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        return text.Length > 0 && !char.IsAsciiDigit(text[0]) && text[0] != '-' &&
               Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    private static bool TryParseBit(string text, out bool value)
    {
        value = text == "1";
        return text is "0" or "1";
    }

    private static DateOnly? ReadDay(string? text, string key, string label, Dictionary<string, string[]> problems)
    {
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        problems[key] = [$"{label} “{text}” is not a date written as {DateFormat}."];
        return null;
    }

    private static Money? ReadAmount(string? text, string key, string label, Currency currency, Dictionary<string, string[]> problems)
    {
        if (text is null)
        {
            return null;
        }
        if (Money.TryParse(text, currency, out var amount) && amount.MinorUnits >= 0)
        {
            return amount;
        }
        problems[key] = [currency.MinorUnits == 0
            ? $"{label} “{text}” is not an amount in {currency.Code} (whole units, no decimals)."
            : $"{label} “{text}” is not an amount in {currency.Code} (digits and a point, at most {currency.MinorUnits} decimals)."];
        return null;
    }
}

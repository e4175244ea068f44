using System.Globalization;

namespace Portal.Api.Lists;

/// <summary>
/// The paging and time filters every list takes, read from the query string as text so that a bad value is a 422
/// naming the parameter, not the framework's bare 400.
/// </summary>
public sealed record ListQuery(int Limit, ListCursor? Cursor, DateTimeOffset? CreatedFrom, DateTimeOffset? CreatedTo)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static ListQuery Read(string? limit, string? cursor, string? createdFrom, string? createdTo, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var size = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"limit is a whole number from 1 to {MaxLimit}."];
        }
        ListCursor? after = null;
        if (cursor is not null)
        {
            if (ListCursor.TryParse(cursor, out var parsed))
            {
                after = parsed;
            }
            else
            {
                errors["cursor"] = ["cursor must be a nextCursor this API returned."];
            }
        }
        return new ListQuery(size, after, Instant(createdFrom, "createdFrom", errors), Instant(createdTo, "createdTo", errors));
    }

    public static DateTimeOffset? Instant(string? text, string field, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (text is null)
        {
            return null;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return at;
        }
        errors[field] = [$"{field} must be an ISO 8601 time, e.g. 2026-11-25T10:00:00Z."];
        return null;
    }

    /// <summary>Reads an enum written as the API writes it ("real_time", "pending_approval").</summary>
    public static TEnum? Enum<TEnum>(string? text, string field, Dictionary<string, string[]> errors)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (text is null)
        {
            return null;
        }
        foreach (var value in System.Enum.GetValues<TEnum>())
        {
            if (string.Equals(NameOf(value), text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        errors[field] = [$"{field} is one of: {string.Join(", ", NamesOf<TEnum>())}."];
        return null;
    }

    /// <summary>Every value of an enum as the API writes and reads it; the OpenAPI document lists the same.</summary>
    public static IReadOnlyList<string> NamesOf<TEnum>() where TEnum : struct, Enum =>
        [.. System.Enum.GetValues<TEnum>().Select(NameOf)];

    private static string NameOf<TEnum>(TEnum value) where TEnum : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}

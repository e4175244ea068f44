using Portal.Domain.Checkouts;

namespace Portal.Admin.Links;

/// <summary>
/// What the new-link form edits. It only shapes input into a <see cref="CheckoutRequest"/>; the rules (amount, currency,
/// expiry, lengths) are the domain's, so the form, the API and the tests refuse the same things with the same words.
/// </summary>
public sealed class LinkFormModel
{
    public decimal? Amount { get; set; }

    public string CurrencyCode { get; set; } = "";

    public string Description { get; set; } = "";

    public string? MerchantReference { get; set; }

    public ExpiryChoice Expiry { get; set; } = ExpiryChoice.SevenDays;

    /// <summary>The custom expiry's date and time, in the server's local time zone.</summary>
    public DateTime? CustomExpiryDate { get; set; }

    public TimeSpan? CustomExpiryTime { get; set; }

    public string? ReturnUrl { get; set; }

    public bool AllowRealTime { get; set; } = true;

    public bool AllowFast { get; set; } = true;

    /// <summary>A fresh form with the merchant's defaults: its currency, link lifetime (the nearest choice) and methods.</summary>
    public static LinkFormModel WithDefaults(string currencyCode, TimeSpan lifetime, PaymentMethods methods) => new()
    {
        CurrencyCode = currencyCode,
        Expiry = ChoiceFor(lifetime),
        AllowRealTime = methods.HasFlag(PaymentMethods.RealTime),
        AllowFast = methods.HasFlag(PaymentMethods.Fast),
    };

    /// <summary>The fixed choice for a lifetime; the settings page offers only these, so anything else is the default.</summary>
    public static ExpiryChoice ChoiceFor(TimeSpan lifetime) => lifetime switch
    {
        _ when lifetime == TimeSpan.FromHours(1) => ExpiryChoice.OneHour,
        _ when lifetime == TimeSpan.FromDays(1) => ExpiryChoice.OneDay,
        _ when lifetime == TimeSpan.FromDays(30) => ExpiryChoice.ThirtyDays,
        _ => ExpiryChoice.SevenDays,
    };

    /// <summary>The lifetime of a fixed choice; null for a custom date.</summary>
    public static TimeSpan? LifetimeOf(ExpiryChoice choice) => choice switch
    {
        ExpiryChoice.OneHour => TimeSpan.FromHours(1),
        ExpiryChoice.OneDay => TimeSpan.FromDays(1),
        ExpiryChoice.SevenDays => TimeSpan.FromDays(7),
        ExpiryChoice.ThirtyDays => TimeSpan.FromDays(30),
        _ => null,
    };

    public static string TextOf(ExpiryChoice choice) => choice switch
    {
        ExpiryChoice.OneHour => "1 hour",
        ExpiryChoice.OneDay => "1 day",
        ExpiryChoice.SevenDays => "7 days",
        ExpiryChoice.ThirtyDays => "30 days",
        _ => "Custom date and time",
    };

    /// <summary>When the link would expire if created at <paramref name="now"/>; null for a custom expiry not yet picked.</summary>
    public DateTimeOffset? ExpiresAt(DateTimeOffset now) => Expiry switch
    {
        ExpiryChoice.OneHour => now.AddHours(1),
        ExpiryChoice.OneDay => now.AddDays(1),
        ExpiryChoice.SevenDays => now.AddDays(7),
        ExpiryChoice.ThirtyDays => now.AddDays(30),
        _ when CustomExpiryDate is { } date => new DateTimeOffset(
            DateTime.SpecifyKind(date.Date + (CustomExpiryTime ?? TimeSpan.Zero), DateTimeKind.Unspecified),
            TimeZoneInfo.Local.GetUtcOffset(date.Date + (CustomExpiryTime ?? TimeSpan.Zero))),
        _ => null,
    };

    /// <summary>The request to send; a missing amount or expiry goes as one the domain refuses, with its own message.</summary>
    public CheckoutRequest ToRequest(DateTimeOffset now) => new(
        Amount ?? 0m,
        CurrencyCode,
        Description,
        ExpiresAt(now) ?? now,
        MerchantReference,
        ReturnUrl,
        (AllowRealTime ? PaymentMethods.RealTime : PaymentMethods.None) | (AllowFast ? PaymentMethods.Fast : PaymentMethods.None));
}

using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Abuse;
using Portal.Domain.Common;
using Portal.Domain.Payments;

namespace Portal.Pay;

/// <summary>What the checkout and the wallet both say to a customer about their input and their payment.</summary>
public static class CustomerText
{
    /// <summary>Reads what the customer typed; on refusal, each field's message in the customer's language.</summary>
    public static PayerDetails? ReadPayer(this IStringLocalizer<CheckoutText> text, PayerInput input,
        out string? accountError, out string? pinError)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            accountError = pinError = null;
            return PayerDetails.Parse(input.Account, input.Pin);
        }
        catch (DomainValidationException invalid)
        {
            accountError = invalid.Errors.ContainsKey("Account") ? text["AccountInvalid"].Value : null;
            pinError = invalid.Errors.ContainsKey("Pin") ? text["PinInvalid"].Value : null;
            return null;
        }
    }

    /// <summary>
    /// Why a payment failed, in the customer's language; every refusal of account or PIN reads the same
    /// (<see cref="FailureReason.CredentialsRefused"/>). A code a rail invented keeps the rail's own words, which are
    /// English: a customer reading another language gets the general refusal in theirs instead.
    /// </summary>
    public static string FailureOf(this IStringLocalizer<CheckoutText> text, PaymentSnapshot payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var code = FailureReason.IsCredentialRefusal(payment.FailureCode) ? FailureReason.CredentialsRefused.Code : payment.FailureCode;
        var localized = text["Failure_" + code];
        if (!localized.ResourceNotFound)
        {
            return localized;
        }
        var inEnglish = CheckoutCultures.LanguageOf(CultureInfo.CurrentUICulture) == CheckoutCultures.English;
        return inEnglish && payment.FailureMessage is { } railWords ? railWords : text["Failure_RJCT"];
    }

    /// <summary>The calm word for an attempt a velocity limit held back: how long to wait, nothing about the attempt.</summary>
    public static string TooManyAttempts(this IStringLocalizer<CheckoutText> text, VelocityVerdict verdict) =>
        text[verdict.ByAccount ? "TooManyAttemptsAccount" : "TooManyAttempts", verdict.RetryAfterSeconds];
}

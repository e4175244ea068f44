using System.Diagnostics.CodeAnalysis;
using System.Text;
using Portal.Domain.Common;

namespace Portal.Domain.Qr;

/// <summary>
/// Portal's one-time payment code: an EMV merchant-presented payload whose merchant account template (26) carries
/// <see cref="PortalIdentifier"/> and the payment id, so a wallet that scans it knows which payment to pay.
/// </summary>
public static class PortalPaymentCode
{
    /// <summary>Portal's globally unique identifier in sub-tag 00 of template 26 (EMV allows a reverse domain name).</summary>
    public const string PortalIdentifier = "io.portal.pay";

    /// <summary>EMV's limits for tags 59, 60 and 62/05.</summary>
    public const int MerchantNameLength = 25;
    public const int MerchantCityLength = 15;
    public const int ReferenceLabelLength = 25;

    private const string PaymentReferenceSubTag = "01";

    /// <summary>The payment id as Portal writes it in codes: 32 lowercase hex digits, no dashes.</summary>
    public static string Reference(Guid paymentId) => paymentId.ToString("N");

    /// <summary>
    /// The payload for one payment. The merchant's name and city are cut to EMV's 25 and 15 characters (line breaks and
    /// tabs become spaces); the amount is written with the currency's minor digits and left out when zero.
    /// </summary>
    /// <exception cref="ArgumentException">No payment id, a negative amount, a blank name or city, a malformed country or category code.</exception>
    public static string Build(PortalPaymentCodeDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.PaymentId == Guid.Empty)
        {
            throw new ArgumentException("A payment code needs the payment's id.", nameof(details));
        }
        if (details.Amount.Currency is null || details.Amount.MinorUnits < 0)
        {
            throw new ArgumentException("A payment code needs a currency and an amount that is not negative.", nameof(details));
        }
        if (details.CountryCode is not { Length: 2 } || !details.CountryCode.All(char.IsAsciiLetterUpper))
        {
            throw new ArgumentException($"'{details.CountryCode}' is not a two-letter ISO 3166 country code.", nameof(details));
        }
        if (details.MerchantCategoryCode is not { Length: 4 } || !details.MerchantCategoryCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"'{details.MerchantCategoryCode}' is not a four-digit merchant category code.", nameof(details));
        }

        var reference = Reference(details.PaymentId);
        var builder = new EmvQrBuilder()
            .Dynamic()
            .AddTemplate(EmvTags.MerchantAccount, (EmvTags.GloballyUniqueIdentifier, PortalIdentifier), (PaymentReferenceSubTag, reference))
            .Add(EmvTags.MerchantCategoryCode, details.MerchantCategoryCode)
            .Add(EmvTags.TransactionCurrency, details.Amount.Currency.NumericCode)
            .Add(EmvTags.CountryCode, details.CountryCode)
            .Add(EmvTags.MerchantName, Fit(details.MerchantName, MerchantNameLength, "merchant name"))
            .Add(EmvTags.MerchantCity, Fit(details.MerchantCity, MerchantCityLength, "merchant city"))
            // The label is only 25 characters, so it holds the start of the id; the whole id is in template 26.
            .AddTemplate(EmvTags.AdditionalData, (EmvTags.ReferenceLabel, reference[..ReferenceLabelLength]));
        if (details.Amount.MinorUnits != 0)
        {
            builder.Add(EmvTags.TransactionAmount, details.Amount.ToAmountString());
        }
        return builder.Build();
    }

    /// <summary>Reads the payment id and amount from a pasted or scanned payload; the problem says why not.</summary>
    public static bool TryRead(string? payload, out Guid paymentId, out Money amount, [NotNullWhen(false)] out string? problem)
    {
        if (!EmvQrCode.TryParse(payload, out var code, out var parseProblem))
        {
            paymentId = Guid.Empty;
            amount = default;
            problem = parseProblem.Message;
            return false;
        }
        return TryRead(code, out paymentId, out amount, out problem);
    }

    /// <summary>
    /// Reads the payment id and amount from a valid EMV code, if it is Portal's: template 26–51 with
    /// <see cref="PortalIdentifier"/>, one-time, a 32-hex payment reference, a currency Portal knows and an amount in it.
    /// A missing amount reads as zero. The caller compares both with the payment it loads.
    /// </summary>
    public static bool TryRead(EmvQrCode code, out Guid paymentId, out Money amount, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(code);
        paymentId = Guid.Empty;
        amount = default;

        var account = code.MerchantAccounts.FirstOrDefault(a =>
            string.Equals(a.Find(EmvTags.GloballyUniqueIdentifier), PortalIdentifier, StringComparison.OrdinalIgnoreCase));
        if (account is null)
        {
            problem = "This code is not a Portal payment code.";
            return false;
        }
        if (!code.IsDynamic)
        {
            problem = "This Portal code is not a one-time payment code.";
            return false;
        }
        var reference = account.Find(PaymentReferenceSubTag);
        if (reference is not { Length: 32 } || !Guid.TryParseExact(reference, "N", out var id) || id == Guid.Empty)
        {
            problem = "This Portal code carries no valid payment reference.";
            return false;
        }
        if (code.Find(EmvTags.AdditionalData)?.Find(EmvTags.ReferenceLabel) is { } label &&
            !reference.StartsWith(label, StringComparison.OrdinalIgnoreCase))
        {
            problem = "The reference label of this code does not match its payment reference: the code was altered.";
            return false;
        }
        if (code.CurrencyNumeric is null || Currency.FromNumericCode(code.CurrencyNumeric) is not { } currency)
        {
            problem = code.CurrencyNumeric is null
                ? "This Portal code names no currency."
                : $"This Portal code is in a currency Portal does not know (ISO 4217 {code.CurrencyNumeric}).";
            return false;
        }
        var money = Money.Zero(currency);
        if (code.Amount is { } written && !Money.TryParse(written, currency, out money))
        {
            problem = $"The amount {written} is not a valid {currency.Code} amount.";
            return false;
        }

        paymentId = id;
        amount = money;
        problem = null;
        return true;
    }

    // Line breaks and tabs become single spaces; the cut is by code points so a surrogate pair is never split.
    private static string Fit(string text, int maxLength, string what)
    {
        var fitted = new StringBuilder();
        var pendingSpace = false;
        var length = 0;
        foreach (var rune in (text ?? "").EnumerateRunes())
        {
            if (Rune.IsControl(rune) || Rune.IsWhiteSpace(rune))
            {
                pendingSpace = fitted.Length > 0;
                continue;
            }
            if (length + (pendingSpace ? 2 : 1) > maxLength)
            {
                break;
            }
            if (pendingSpace)
            {
                fitted.Append(' ');
                length++;
                pendingSpace = false;
            }
            fitted.Append(rune.ToString());
            length++;
        }
        return fitted.Length > 0
            ? fitted.ToString()
            : throw new ArgumentException($"A payment code needs a {what}.", nameof(text));
    }
}

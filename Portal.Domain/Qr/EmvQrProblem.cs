namespace Portal.Domain.Qr;

/// <summary>Why a payload was refused: a reason for code and a sentence for people ("The CRC does not match: ...").</summary>
public sealed record EmvQrProblem(EmvQrReason Reason, string Message)
{
    /// <summary>
    /// The reason as a stable machine code ("crc-mismatch"), the codes of the shared QR test vectors where one fits.
    /// Spelled out rather than derived from the enum name, so that renaming a member cannot change a logged code.
    /// </summary>
    public string Code => Reason switch
    {
        EmvQrReason.Empty => "empty",
        EmvQrReason.NotEmv => "not-emv",
        EmvQrReason.BrokenText => "broken-text",
        EmvQrReason.Truncated => "truncated",
        EmvQrReason.BadTagId => "bad-tag-id",
        EmvQrReason.BadLengthField => "bad-length-field",
        EmvQrReason.LengthOverrun => "length-overrun",
        EmvQrReason.LengthShort => "length-short",
        EmvQrReason.LengthCountsBytes => "length-counts-bytes",
        EmvQrReason.DuplicateTag => "duplicate-tag",
        EmvQrReason.MissingCrc => "missing-crc",
        EmvQrReason.CrcNotLast => "crc-not-last",
        EmvQrReason.BadCrcField => "bad-crc-field",
        EmvQrReason.CrcLowercase => "crc-lowercase",
        EmvQrReason.CrcMismatch => "crc-mismatch",
        EmvQrReason.BadFormatIndicator => "bad-format-indicator",
        EmvQrReason.BadPointOfInitiation => "bad-point-of-initiation",
        EmvQrReason.BadNestedTemplate => "bad-nested-template",
        EmvQrReason.BadCurrency => "bad-currency",
        EmvQrReason.BadAmount => "bad-amount",
        _ => throw new ArgumentOutOfRangeException(nameof(Reason), Reason, "A reason without a code."),
    };

    public override string ToString() => $"{Code}: {Message}";
}

namespace Portal.Domain.Qr;

/// <summary>What is wrong with a payload that is not a valid EMV QR code. <see cref="EmvQrProblem.Code"/> spells it.</summary>
public enum EmvQrReason
{
    Empty,
    NotEmv,
    BrokenText,
    Truncated,
    BadTagId,
    BadLengthField,
    LengthOverrun,
    LengthShort,
    LengthCountsBytes,
    DuplicateTag,
    MissingCrc,
    CrcNotLast,
    BadCrcField,
    CrcLowercase,
    CrcMismatch,
    BadFormatIndicator,
    BadPointOfInitiation,
    BadNestedTemplate,
    BadCurrency,
    BadAmount,
}

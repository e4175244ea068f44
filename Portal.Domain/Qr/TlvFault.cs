namespace Portal.Domain.Qr;

/// <summary>Where and how a run of data objects stopped adding up (Kind None: it did not).</summary>
internal enum TlvFaultKind
{
    None,
    HeaderTruncated,
    BadId,
    BadLength,
    Overrun,
}

internal readonly record struct TlvFault(TlvFaultKind Kind, int At);

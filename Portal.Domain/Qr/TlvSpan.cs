using System.Globalization;

namespace Portal.Domain.Qr;

/// <summary>Where one data object lies, in units: its header at Start, its value after the 4 header units.</summary>
internal readonly record struct TlvSpan(int Start, int Id, int Length)
{
    public int ValueStart => Start + 4;
    public int End => ValueStart + Length;
    public string IdText => Id.ToString("D2", CultureInfo.InvariantCulture);
}

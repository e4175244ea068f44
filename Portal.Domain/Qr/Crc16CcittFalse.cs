using System.Globalization;
using System.Text;

namespace Portal.Domain.Qr;

/// <summary>
/// CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF, no reflection, no final xor), the checksum of
/// tag 63 in EMV QR payloads. Its check value, over the ASCII bytes of "123456789", is 0x29B1.
/// </summary>
public static class Crc16CcittFalse
{
    private const ushort Polynomial = 0x1021;
    private const ushort Initial = 0xFFFF;

    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        var crc = Initial;
        foreach (var b in data)
        {
            crc ^= (ushort)(b << 8);
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ Polynomial) : (ushort)(crc << 1);
            }
        }
        return crc;
    }

    /// <summary>
    /// The CRC of the text's UTF-8 bytes as 4 uppercase hex digits, as tag 63 carries it. EMV takes the CRC over
    /// the bytes of the encoded payload, and a payload with non-ASCII text (a Chinese name in template 64) only
    /// checks out over UTF-8.
    /// </summary>
    public static string ComputeHex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Compute(Encoding.UTF8.GetBytes(text)).ToString("X4", CultureInfo.InvariantCulture);
    }
}

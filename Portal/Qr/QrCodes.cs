using System.Text;
using QRCoder;

namespace Portal.Qr;

/// <summary>QR codes as SVG data URIs (QRCoder's SVG renderer: no System.Drawing, which Linux lacks).</summary>
public static class QrCodes
{
    public static string ToSvgDataUri(string text) =>
        "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(ToSvg(text)));

    /// <summary>The QR code as an SVG document, for an image served at its own address.</summary>
    public static string ToSvg(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8);
    }
}

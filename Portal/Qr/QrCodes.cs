using System.Text;
using QRCoder;

namespace Portal.Qr;

/// <summary>QR codes as SVG data URIs (QRCoder's SVG renderer: no System.Drawing, which Linux lacks).</summary>
public static class QrCodes
{
    public static string ToSvgDataUri(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(8);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }
}

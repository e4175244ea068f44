using System.Text;
using Portal.Domain.Qr;

namespace Portal.Tests.Domain.Qr;

public sealed class Crc16CcittFalseTests
{
    [Fact]
    public void Compute_CheckString_Is29B1()
    {
        Assert.Equal(0x29B1, Crc16CcittFalse.Compute(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void ComputeHex_SmallValue_KeepsLeadingZeros()
    {
        // khqr-tags-reordered-crc-0437 from the shared vectors, up to and including its "6304".
        const string payload = "00020101021230410015john_smith@devb01061234560208Dev Bank53038405204599954035.05802KH5916john smith actor6010Phnom Penh62150111Invoice#06999170013161343857589263040437";

        Assert.Equal("0437", Crc16CcittFalse.ComputeHex(payload[..^4]));
    }

    [Fact]
    public void ComputeHex_NonAsciiText_IsOverUtf8Bytes()
    {
        // pix-static-non-ascii-city: 'Í' is two UTF-8 bytes; B4F6 only comes out over UTF-8.
        const string payload = "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASÍLIA62070503***6304B4F6";

        Assert.Equal("B4F6", Crc16CcittFalse.ComputeHex(payload[..^4]));
    }
}

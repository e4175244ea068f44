using Portal.Domain.Common;
using Portal.Domain.Qr;
using Portal.Wallet;

namespace Portal.Tests.Components.Wallet;

public sealed class WalletCodeTests
{
    private static readonly Guid PaymentId = Guid.CreateVersion7();

    [Fact]
    public void Read_WalletLink_GivesPaymentWithoutClaimedAmount()
    {
        var code = WalletCode.Read($"http://localhost:5080/wallet/{PaymentId:N}", out var problem, out _);

        Assert.Null(problem);
        Assert.Equal(new WalletCode(PaymentId, null), code);
    }

    [Fact]
    public void Read_PortalEmvPayload_GivesPaymentAndAmount()
    {
        var payload = PortalPaymentCode.Build(new PortalPaymentCodeDetails(PaymentId, Money.Of(88.00m, "CNY"), "Demo Shop", "Shanghai", "CN", "5999"));

        var code = WalletCode.Read(payload, out var problem, out _);

        Assert.Null(problem);
        Assert.Equal(PaymentId, code!.PaymentId);
        Assert.Equal(Money.Of(88.00m, "CNY"), code.ClaimedAmount);
    }

    [Fact]
    public void Read_DamagedPayload_IsDamagedWithReason()
    {
        var payload = PortalPaymentCode.Build(new PortalPaymentCodeDetails(PaymentId, Money.Of(88.00m, "CNY"), "Demo Shop", "Shanghai", "CN", "5999"));
        var altered = payload.Replace("88.00", "18.00", StringComparison.Ordinal);

        var code = WalletCode.Read(altered, out var problem, out var damage);

        Assert.Null(code);
        Assert.Equal(WalletCodeProblem.Damaged, problem);
        Assert.Equal(EmvQrReason.CrcMismatch, damage!.Reason);
        Assert.Contains("CRC", damage.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Read_ForeignEmvPayload_IsNotOurs()
    {
        const string promptPay = "00020101021129370016A000000677010111011300668012345675802TH530376463046197";

        var code = WalletCode.Read(promptPay, out var problem, out var damage);

        Assert.Null(code);
        Assert.Equal(WalletCodeProblem.NotOurs, problem);
        Assert.Null(damage);
    }

    [Theory]
    [InlineData("https://example.com/some/page")]
    [InlineData("hello there")]
    [InlineData("http://localhost/wallet/not-a-payment-id")]
    public void Read_SomethingElse_IsNotOurs(string text)
    {
        Assert.Null(WalletCode.Read(text, out var problem, out _));
        Assert.Equal(WalletCodeProblem.NotOurs, problem);
    }

    [Fact]
    public void Read_TruncatedPayload_IsDamaged()
    {
        var payload = PortalPaymentCode.Build(new PortalPaymentCodeDetails(PaymentId, Money.Of(88.00m, "CNY"), "Demo Shop", "Shanghai", "CN", "5999"));

        Assert.Null(WalletCode.Read(payload[..40], out var problem, out var damage));
        Assert.Equal(WalletCodeProblem.Damaged, problem);
        Assert.Equal(EmvQrReason.Truncated, damage!.Reason);
    }
}

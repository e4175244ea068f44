using Portal.Domain.Rails;

namespace Portal.Tests.Integration.Sandbox;

public sealed class SandboxBankLostResponseTests(LostResponseBankFixture bank) : IClassFixture<LostResponseBankFixture>
{
    [Fact]
    public async Task SubmitAsync_AnswerLost_ThrowsRailUnavailable()
    {
        var payer = await bank.OpenPayerAsync(10m);

        await Assert.ThrowsAsync<RailUnavailableException>(() => bank.Rail.SubmitAsync(SandboxBankFixture.Payment(payer, 1m)));
    }

    [Fact]
    public async Task QueryAsync_AfterLostAnswer_ShowsSettled()
    {
        var payer = await bank.OpenPayerAsync(10m);
        var order = SandboxBankFixture.Payment(payer, 1m);
        await Assert.ThrowsAsync<RailUnavailableException>(() => bank.Rail.SubmitAsync(order));

        var queried = await bank.Rail.QueryAsync(order.OrderId);

        Assert.Equal(RailOrderStatus.Settled, queried?.Status);
        Assert.Equal(900, (await bank.AccountAsync(payer)).BalanceMinorUnits);
    }
}

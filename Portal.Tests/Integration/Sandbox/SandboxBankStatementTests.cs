using System.Net;
using Portal.Domain.Common;

namespace Portal.Tests.Integration.Sandbox;

/// <summary>The statement query of the rail interface, over the real signed HTTP to the sandbox bank.</summary>
public sealed class SandboxBankStatementTests(SandboxBankFixture bank) : IClassFixture<SandboxBankFixture>
{
    [Fact]
    public async Task GetStatement_Range_HasTheMerchantsMovementsOfThatRangeOnly()
    {
        var merchant = await bank.OpenMerchantAsync(0m);
        var payer = await bank.OpenPayerAsync(50m);
        var before = bank.Time.GetUtcNow();
        var paid = await bank.Rail.SubmitAsync(SandboxBankFixture.Payment(payer, 12.34m, merchant: merchant));

        var statement = await bank.Rail.GetStatementAsync(AccountNumber.Parse(merchant), before.AddMinutes(-1), before.AddMinutes(1));
        var earlier = await bank.Rail.GetStatementAsync(AccountNumber.Parse(merchant), before.AddDays(-2), before.AddDays(-1));

        var line = Assert.Single(statement!.Lines);
        Assert.Equal((paid.OrderId, Money.Of(12.34m, Currency.CNY)), (line.OrderId!.Value, line.Amount));
        Assert.True(statement.IsComplete);
        Assert.Empty(earlier!.Lines);
    }

    [Fact]
    public async Task GetStatement_UnknownAccount_IsNull()
    {
        var now = bank.Time.GetUtcNow();

        Assert.Null(await bank.Rail.GetStatementAsync(AccountNumber.Parse("8899999999999999"), now.AddDays(-1), now));
    }

    [Theory]
    [InlineData("from=yesterday&to=2026-11-25T00:00:00Z")]
    [InlineData("from=2026-11-25T00:00:00Z&to=2026-11-24T00:00:00Z")]
    [InlineData("from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z")]
    public async Task GetStatement_BadRange_Is400(string query)
    {
        var merchant = await bank.OpenMerchantAsync(0m);

        using var response = await bank.SendSignedAsync(HttpMethod.Get, $"sandbox/bank/v1/accounts/{merchant}/statement?{query}", "",
            Guid.NewGuid().ToString("N"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

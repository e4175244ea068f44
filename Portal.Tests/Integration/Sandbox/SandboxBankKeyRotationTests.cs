using System.Net;

namespace Portal.Tests.Integration.Sandbox;

/// <summary>A request signed with the previous key is accepted during the overlap window and refused after it.</summary>
public sealed class SandboxBankKeyRotationTests(RotatedKeysBankFixture bank) : IClassFixture<RotatedKeysBankFixture>
{
    private const string OrdersPath = "sandbox/bank/v1/orders";

    [Fact]
    public async Task GetOrder_SignedWithOldKey_AcceptedInsideWindowRefusedAfter()
    {
        using var inside = await bank.SendSignedAsync(HttpMethod.Get, $"{OrdersPath}/{Guid.CreateVersion7()}", "",
            Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.NotFound, inside.StatusCode);
        Assert.Contains("keyId=2027-01,", inside.Headers.GetValues(Portal.Domain.Rails.MessageSigner.SignatureHeader).Single(),
            StringComparison.Ordinal);

        bank.Time.Advance(RotatedKeysBankFixture.Overlap + TimeSpan.FromSeconds(1));
        using var after = await bank.SendSignedAsync(HttpMethod.Get, $"{OrdersPath}/{Guid.CreateVersion7()}", "",
            Guid.NewGuid().ToString("N"));

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }
}

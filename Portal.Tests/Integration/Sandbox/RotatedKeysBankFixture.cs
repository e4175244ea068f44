namespace Portal.Tests.Integration.Sandbox;

/// <summary>
/// The bank in the middle of a key rotation: a new key signs, the old one (<see cref="SandboxBankFixture.Secret"/>, id
/// <c>default</c>, which <see cref="SandboxBankFixture.Signer"/> holds) is still accepted for one minute of the bank's clock.
/// </summary>
public sealed class RotatedKeysBankFixture : SandboxBankFixture
{
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(1);

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("SandboxBank:SigningSecret", ""),
        new("SandboxBank:SigningKeys:0:Id", "2027-01"),
        new("SandboxBank:SigningKeys:0:Secret", "test-only-new-sandbox-bank-signing-secret-9876543210"),
        new("SandboxBank:SigningKeys:1:Id", "default"),
        new("SandboxBank:SigningKeys:1:Secret", Secret),
        new("SandboxBank:SigningKeys:1:NotAfter", (Time.GetUtcNow() + Overlap).ToString("O")),
    ];
}

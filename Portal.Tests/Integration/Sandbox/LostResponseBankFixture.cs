namespace Portal.Tests.Integration.Sandbox;

/// <summary>A bank that commits every order and then holds its answer back longer than the client waits.</summary>
public sealed class LostResponseBankFixture : SandboxBankFixture
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("SandboxBank:LostResponseRate", "1"),
        new("SandboxBank:LostResponseDelay", "00:01:00"),
        new("Rail:Timeout", "00:00:02"),
    ];
}

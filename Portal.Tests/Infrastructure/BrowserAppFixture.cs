namespace Portal.Tests.Infrastructure;

/// <summary>One running Portal and one browser shared by the browser tests (starting either costs seconds).</summary>
public sealed class BrowserAppFixture : IAsyncLifetime
{
    // Fast payments settle after this delay and call back; the default 3 s would only slow the tests down.
    public PortalApp App { get; } = new(new Dictionary<string, string?> { ["SandboxBank:FastSettlementDelay"] = "00:00:00.500" });

    public Browser Browser { get; } = new();

    public async Task InitializeAsync()
    {
        _ = App.BaseAddress;
        await Browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserAppFixture>
{
    public const string Name = "Browser";
}

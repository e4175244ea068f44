namespace Portal.Tests.Infrastructure;

/// <summary>
/// One running Portal and one browser shared by the browser tests (starting either costs seconds). A derived fixture
/// may add settings and browser switches.
/// </summary>
public class BrowserAppFixture : IAsyncLifetime
{
    public BrowserAppFixture()
        : this(new Dictionary<string, string?>(), [])
    {
    }

    protected BrowserAppFixture(IDictionary<string, string?> settings, IReadOnlyList<string> browserArgs)
    {
        // Fast payments settle after this delay and call back; the default 3 s would only slow the tests down.
        App = new PortalApp(new Dictionary<string, string?>(settings) { ["SandboxBank:FastSettlementDelay"] = "00:00:00.500" });
        Browser = new Browser(browserArgs);
    }

    public PortalApp App { get; }

    public Browser Browser { get; }

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

namespace Portal.Tests.Infrastructure;

/// <summary>One running Portal and one browser shared by the browser tests (starting either costs seconds).</summary>
public sealed class BrowserAppFixture : IAsyncLifetime
{
    public PortalApp App { get; } = new();

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

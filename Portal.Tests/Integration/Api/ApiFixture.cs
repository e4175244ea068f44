using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Api;

/// <summary>
/// One running Portal per test class and provider, with rate limits out of the way, and an all-scopes key of each demo
/// merchant: Demo Shop's (<see cref="Shop"/>) and Other Shop's (<see cref="Other"/>).
/// </summary>
public sealed class ApiFixture<TProvider> : IAsyncLifetime where TProvider : IProviderUnderTest
{
    public PortalApp App { get; } = new(new Dictionary<string, string?> { ["Api:Burst"] = "10000", ["Api:RequestsPerSecond"] = "10000" },
        provider: TProvider.Provider);

    public HttpClient Shop { get; private set; } = default!;

    public HttpClient Other { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Shop = ApiKeyIssuer.Client(App, await ApiKeyIssuer.IssueAsync(App));
        Other = ApiKeyIssuer.Client(App, await ApiKeyIssuer.IssueAsync(App, DemoData.OtherShop));
    }

    public async Task DisposeAsync()
    {
        Shop.Dispose();
        Other.Dispose();
        await App.DisposeAsync();
    }
}

namespace Portal.Tests.Integration.Rails;

/// <summary>Puts a <see cref="RailTamperer"/> between Portal's rail client and the network; the bank stays real.</summary>
public sealed class TamperingHandler(RailTamperer tamperer) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        await tamperer.PassAsync(request, await base.SendAsync(request, cancellationToken));
}

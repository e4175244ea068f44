namespace Portal.Proxy;

internal static partial class ProxyLog
{
    [LoggerMessage(EventId = 8401, EventName = "TrustingProxies", Level = LogLevel.Information,
        Message = "Forwarded headers (X-Forwarded-For, X-Forwarded-Proto) are believed from {Proxies} only")]
    public static partial void TrustingProxies(ILogger logger, string proxies);

    [LoggerMessage(EventId = 8402, EventName = "TrustingNoProxy", Level = LogLevel.Information,
        Message = "No proxy is configured (ForwardedHeaders:KnownProxies, KnownNetworks): forwarded headers are ignored")]
    public static partial void TrustingNoProxy(ILogger logger);
}

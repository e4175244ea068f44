using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Webhooks;

public static class WebhooksExtensions
{
    /// <summary>
    /// Webhooks: the outbox the payment store writes into, the dispatcher that sends it, the secrets, and an HTTP client
    /// that never follows a redirect (a 3xx is a failed delivery, not a new address), never goes through a proxy (the
    /// proxy, not Portal, would choose the address connected to) and connects only to public addresses.
    /// </summary>
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section)
            .PostConfigure(o =>
            {
                o.AllowHttp ??= development;
                o.AllowPrivateNetworks ??= development;
            })
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<WebhookSignal>();
        builder.Services.AddSingleton<WebhookOutbox>();
        builder.Services.AddSingleton<WebhookSecrets>();
        builder.Services.AddSingleton(new LegacyWebhookKeyRing(Path.Combine(builder.GetDataDirectory(), "keys", "webhooks")));
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddSingleton<IWebhookHostResolver, DnsWebhookHostResolver>();
        builder.Services.AddSingleton<WebhookUrlCheck>();
        builder.Services.AddSingleton<WebhookConnector>();
        builder.Services.AddSingleton<WebhookRedeliveryLimit>();
        builder.Services.AddSingleton<WebhookMetrics>();
        builder.Services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(services => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                ConnectCallback = services.GetRequiredService<WebhookConnector>().ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        builder.Services.AddHostedService<WebhookDispatcher>();
        return builder;
    }

    internal static bool AllowsHttp(this IOptions<WebhookOptions> options) => options.Value.AllowHttp == true;
}

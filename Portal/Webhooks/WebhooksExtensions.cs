using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Webhooks;

public static class WebhooksExtensions
{
    /// <summary>
    /// Webhooks: the outbox the payment store writes into, the dispatcher that sends it, the secrets, and an HTTP client
    /// that never follows a redirect (a 3xx is a failed delivery, not a new address).
    /// </summary>
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section)
            .PostConfigure(o => o.AllowHttp ??= development)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<WebhookSignal>();
        builder.Services.AddSingleton<WebhookOutbox>();
        builder.Services.AddSingleton<WebhookSecrets>();
        builder.Services.AddSingleton(new LegacyWebhookKeyRing(Path.Combine(builder.GetDataDirectory(), "keys", "webhooks")));
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddSingleton<WebhookMetrics>();
        builder.Services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        builder.Services.AddHostedService<WebhookDispatcher>();
        return builder;
    }

    internal static bool AllowsHttp(this IOptions<WebhookOptions> options) => options.Value.AllowHttp == true;
}

using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Health;
using Portal.LiveUpdates;
using StackExchange.Redis;

namespace Portal.Bus;

public static class BusExtensions
{
    public const string ConnectionStringName = "Redis";

    /// <summary>
    /// The bus between instances: Redis when <c>ConnectionStrings:Redis</c> is set (live updates, wake-ups, the
    /// <see cref="PaymentsHub"/> backplane and its readiness check), else <see cref="NoBus"/> and nothing more, so the
    /// one-process app takes no extra hop.
    /// </summary>
    public static IHostApplicationBuilder AddBus(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<SharedRateLimits>();
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            services.AddSingleton<IPortalBus, NoBus>();
            return builder;
        }
        services.AddOptions<BusOptions>().BindConfiguration(BusOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var configuration = RedisConfiguration(connectionString);
        services.AddSingleton(sp => new RedisBus(configuration, sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<BusOptions>>(),
            sp.GetRequiredService<ILogger<RedisBus>>()));
        services.AddSingleton<IPortalBus>(sp => sp.GetRequiredService<RedisBus>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisBus>());
        services.AddHostedService<LiveUpdateRelay>();

        // The backplane only for the hub that needs it. Blazor's own hub keeps the in-memory lifetime manager: a circuit
        // lives on one instance by design, and through Redis each would add channels and a Redis round trip per
        // connection, and could not open at all while Redis is down.
        services.AddOptions<RedisOptions>().Configure<Microsoft.Extensions.Options.IOptions<BusOptions>>((redis, bus) =>
        {
            redis.Configuration = configuration.Clone();
            redis.Configuration.ChannelPrefix = RedisChannel.Literal($"{bus.Value.ChannelPrefix}:hub");
        });
        // Made here rather than registered, so that only the wrapper, which stops it quietly, is the container's to dispose.
        services.AddSingleton<HubLifetimeManager<PaymentsHub>>(sp => new QuietStopHubLifetimeManager<PaymentsHub>(
            ActivatorUtilities.CreateInstance<RedisHubLifetimeManager<PaymentsHub>>(sp),
            sp.GetRequiredService<ILogger<QuietStopHubLifetimeManager<PaymentsHub>>>()));

        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", HealthStatus.Degraded, [HealthTags.Ready]);
        return builder;
    }

    private static ConfigurationOptions RedisConfiguration(string connectionString)
    {
        var configuration = ConfigurationOptions.Parse(connectionString);
        // Start and keep serving while Redis is down; the multiplexer reconnects in the background.
        configuration.AbortOnConnectFail = false;
        configuration.ClientName ??= "portal";
        return configuration;
    }
}

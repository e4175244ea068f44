using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.Domain.Rails;

namespace Portal.Rails;

public static class PaymentRailExtensions
{
    /// <summary>Portal's payment rail: <see cref="HttpPaymentRail"/> as <see cref="IPaymentRail"/>, options in section <c>Rail</c>.</summary>
    public static IHostApplicationBuilder AddPaymentRail(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<RailOptions>()
            .BindConfiguration(RailOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RailAddress>();
        services.AddHttpClient<HttpPaymentRail>((provider, client) =>
            client.Timeout = provider.GetRequiredService<IOptions<RailOptions>>().Value.Timeout);
        services.AddTransient<IPaymentRail>(provider => provider.GetRequiredService<HttpPaymentRail>());
        // Asked of every rail: one that opens no accounts on request (a real acquirer) answers "not supported".
        services.AddTransient<ISettlementAccountOpener>(provider => provider.GetRequiredService<HttpPaymentRail>());
        return builder;
    }
}

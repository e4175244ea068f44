using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Portal.Abuse;

public static class AbuseExtensions
{
    /// <summary>
    /// Velocity limits on every anonymous money path and staff form: policies for static form posts (carried by the
    /// pages) and <see cref="VelocityLimits"/> for circuits, whose client address <see cref="ClientAddress"/> holds.
    /// </summary>
    public static IHostApplicationBuilder AddVelocityLimits(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<VelocityOptions>().BindConfiguration(VelocityOptions.Section)
            .Validate(o => o.All.All(l => l is { IsValid: true }),
                "Each VelocityLimits entry needs a positive Burst and an Every between 1 ms and 1 day.")
            .ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddSingleton<VelocityLimits>();
        services.AddScoped<ClientAddress>();
        services.AddScoped<CircuitHandler, ClientAddressCircuitHandler>();
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(VelocityPolicies.AccountForms, new VelocityFormPolicy("account-forms", o => o.AccountFormsPerAddress));
            options.AddPolicy(VelocityPolicies.StoreCheckouts, new VelocityFormPolicy("store", o => o.StorePerAddress));
        });
        return builder;
    }
}

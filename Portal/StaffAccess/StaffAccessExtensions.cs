using Microsoft.AspNetCore.Components.Server.Circuits;
using Portal.LiveUpdates;

namespace Portal.StaffAccess;

public static class StaffAccessExtensions
{
    /// <summary>
    /// Staff access re-checked against the database: at each merchant hub join, at once on every instance after a
    /// member is removed or changes role, and every <c>StaffAccess:RecheckInterval</c> for open pages and connections.
    /// </summary>
    public static IHostApplicationBuilder AddStaffAccess(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StaffAccessOptions>().BindConfiguration(StaffAccessOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<StaffAccessCheck>();
        builder.Services.AddSingleton<MerchantHubWatchers>();
        builder.Services.AddSingleton<StaffAccessChanges>();
        builder.Services.AddScoped<CircuitHandler, StaffAccessCircuitHandler>();
        builder.Services.AddHostedService<StaffAccessRecheck>();
        return builder;
    }
}

using Portal.Domain.Payments;

namespace Portal.LiveUpdates;

public static class LiveUpdatesExtensions
{
    public static IHostApplicationBuilder AddLiveUpdates(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<PaymentEvents>();
        builder.Services.AddSingleton<IPaymentNotifier>(sp => sp.GetRequiredService<PaymentEvents>());
        return builder;
    }

    public static IEndpointRouteBuilder MapLiveUpdates(this IEndpointRouteBuilder app)
    {
        app.MapHub<PaymentsHub>(PaymentsHub.Path);
        return app;
    }
}

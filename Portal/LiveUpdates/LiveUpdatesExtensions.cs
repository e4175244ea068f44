using Portal.Domain.Payments;

namespace Portal.LiveUpdates;

public static class LiveUpdatesExtensions
{
    public static IHostApplicationBuilder AddLiveUpdates(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<PaymentEvents>();
        builder.Services.AddSingleton<IPaymentNotifier>(sp => sp.GetRequiredService<PaymentEvents>());
        builder.Services.AddSingleton<RefundEvents>();
        builder.Services.AddSingleton<LiveUpdateReader>();
        builder.Services.AddSingleton<Portal.Domain.Refunds.IRefundNotifier>(sp => sp.GetRequiredService<RefundEvents>());
        return builder;
    }

    public static IEndpointRouteBuilder MapLiveUpdates(this IEndpointRouteBuilder app)
    {
        app.MapHub<PaymentsHub>(PaymentsHub.Path);
        return app;
    }
}

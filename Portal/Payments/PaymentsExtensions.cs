using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portal.Domain.Checkouts;
using Portal.Domain.Payments;

namespace Portal.Payments;

public static class PaymentsExtensions
{
    /// <summary>
    /// The checkouts' lifecycle, the seven-step flow and the record of how payments end, the reconciler, the queue where
    /// rail callbacks' results wait to be saved together, the clock they read (replaceable in tests) and the instruments
    /// that count what payments and refunds become.
    /// </summary>
    public static IHostApplicationBuilder AddPayments(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<PaymentFlowOptions>().BindConfiguration("Payments")
            .Validate(o => o.RailAcceptanceWindow > TimeSpan.Zero && o.ReconcileAfter > TimeSpan.Zero,
                "Payments:RailAcceptanceWindow and Payments:ReconcileAfter must be positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<ReconcilerOptions>().BindConfiguration(ReconcilerOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<PaymentFlowOptions>>().Value);
        builder.Services.AddSingleton<PaymentMetrics>();
        builder.Services.AddSingleton<Portal.Domain.Refunds.RefundMetrics>();
        builder.Services.AddSingleton<CheckoutLifecycle>();
        builder.Services.AddSingleton<PaymentOutcomes>();
        builder.Services.AddSingleton<PaymentFlow>();
        builder.Services.AddSingleton<Portal.Domain.Refunds.RefundFlow>();
        builder.Services.AddSingleton<PaymentReconciler>();
        builder.Services.AddHostedService<ReconcilerService>();
        builder.Services.AddSingleton<Rails.RailResultQueue>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<Rails.RailResultQueue>());
        return builder;
    }
}

// TEMPORARY: stands in for the sandbox bank being built on branch `bank`; deleted when it merges.
using Portal.Domain.Payments;
using Portal.Domain.Rails;

namespace Portal.Sandbox;

public static class PendingSandboxBankExtensions
{
    public static IHostApplicationBuilder AddSandboxBank(this IHostApplicationBuilder builder) => builder;

    public static IHostApplicationBuilder AddPaymentRail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IPaymentRail, PendingRail>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSandboxBankEndpoints(this IEndpointRouteBuilder app) => app;

    public static Task InitializeSandboxBankAsync(this IServiceProvider services, bool seedDemo) => Task.CompletedTask;

    private sealed class PendingRail(TimeProvider time) : IPaymentRail
    {
        public async Task<RailResult> SubmitAsync(PaymentOrder order, CancellationToken cancellationToken = default)
        {
            await Task.Delay(400, cancellationToken);
            var now = time.GetUtcNow();
            return order.Pin.Value == "123456"
                ? new RailResult(order.OrderId, RailOrderStatus.Settled, null, now, now, "PENDING")
                : new RailResult(order.OrderId, RailOrderStatus.Rejected, FailureReason.WrongPin, null, null, null);
        }

        public Task<RailResult?> QueryAsync(Guid orderId, CancellationToken cancellationToken = default) =>
            Task.FromResult<RailResult?>(null);
    }
}

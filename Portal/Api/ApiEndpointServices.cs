using Portal.Api.Checkouts;
using Portal.Api.Idempotency;

namespace Portal.Api;

public static class ApiEndpointServices
{
    /// <summary>What the API's endpoints use: queries that take the merchant from the key, and idempotency.</summary>
    public static IServiceCollection AddApiEndpointServices(this IServiceCollection services)
    {
        services.AddApiIdempotency();
        services.AddSingleton<CheckoutApiQueries>();
        services.AddSingleton<Payments.PaymentApiQueries>();
        services.AddSingleton<Refunds.RefundApiQueries>();
        return services;
    }
}

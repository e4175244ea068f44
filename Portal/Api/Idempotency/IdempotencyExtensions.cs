namespace Portal.Api.Idempotency;

public static class IdempotencyExtensions
{
    public static IServiceCollection AddApiIdempotency(this IServiceCollection services)
    {
        services.AddSingleton<IdempotencyStore>();
        services.AddHostedService<IdempotencyPurgeService>();
        return services;
    }

    /// <summary>The POST requires an Idempotency-Key and answers twins with the first answer (see <see cref="IdempotencyFilter"/>).</summary>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter<IdempotencyFilter>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithMetadata(new IdempotencyMetadata());
}

namespace Portal.Operator;

public static class OperatorExtensions
{
    /// <summary>The platform operator's pages: merchants and their first owners (policy <c>Operator</c>).</summary>
    public static IHostApplicationBuilder AddOperator(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<MerchantOnboarding>();
        return builder;
    }
}

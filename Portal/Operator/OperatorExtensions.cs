namespace Portal.Operator;

public static class OperatorExtensions
{
    /// <summary>
    /// The platform operator's pages: merchants and their first owners, the operator's audit log (policy <c>Operator</c>); and the first operator
    /// itself, made by the <c>create-operator</c> command.
    /// </summary>
    public static IHostApplicationBuilder AddOperator(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<MerchantOnboarding>();
        builder.Services.AddScoped<OperatorAuditQueries>();
        builder.Services.AddScoped<FirstOperator>();
        return builder;
    }
}

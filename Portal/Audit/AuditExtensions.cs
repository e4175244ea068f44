namespace Portal.Audit;

public static class AuditExtensions
{
    /// <summary>
    /// The audit log: a singleton writer any feature may call (<see cref="IAuditLog"/>), the sign-in recorder, and the
    /// platform operator's recorder (which reads the client address of the request or circuit it is called from).
    /// </summary>
    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IAuditLog, AuditLog>();
        builder.Services.AddScoped<SignInAudit>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<OperatorAudit>();
        return builder;
    }
}

namespace Portal.Audit;

public static class AuditExtensions
{
    /// <summary>The audit log: a singleton writer any feature may call (<see cref="IAuditLog"/>), and the sign-in recorder.</summary>
    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IAuditLog, AuditLog>();
        builder.Services.AddScoped<SignInAudit>();
        return builder;
    }
}

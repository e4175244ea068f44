using MudBlazor.Services;
using Portal.Admin.Links;
using Portal.Admin.Payments;
using Portal.Admin.Refunds;

namespace Portal.Admin;

public static class AdminExtensions
{
    /// <summary>
    /// The merchant staff's portal. Its queries are scoped (one per circuit) because they read the signed-in staff member,
    /// whose merchant filters every one of them.
    /// </summary>
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMudServices();
        builder.Services.AddOptions<Settings.RefundSettingsOptions>().BindConfiguration(Settings.RefundSettingsOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<Settings.MerchantSettings>();
        builder.Services.AddScoped<Settings.StaffSecuritySettings>();
        builder.Services.AddScoped<CurrentStaff>();
        builder.Services.AddScoped<ApiKeys.ApiKeyActions>();
        builder.Services.AddScoped<Webhooks.WebhookActions>();
        builder.Services.AddScoped<MerchantQueries>();
        builder.Services.AddScoped<PaymentQueries>();
        builder.Services.AddScoped<Dashboard.DashboardQueries>();
        builder.Services.AddScoped<LinkQueries>();
        builder.Services.AddScoped<RefundQueries>();
        builder.Services.AddScoped<RefundActions>();
        builder.Services.AddScoped<Reports.SettlementReports>();
        builder.Services.AddScoped<Reports.ReconciliationReports>();
        builder.Services.AddScoped<Team.TeamQueries>();
        builder.Services.AddScoped<Team.TeamActions>();
        builder.Services.AddScoped<LinkActions>();
        builder.Services.AddScoped<Audit.AuditQueries>();
        return builder;
    }
}

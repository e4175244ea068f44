using Portal.Admin;
using Portal.Api;
using Portal.Api.Documentation;
using Portal.Api.Resources;
using Portal.Admin.Payments;
using Portal.Admin.Reports;
using Portal.Audit;
using Portal.Branding;
using Portal.Pay;
using Portal.Components;
using Portal.Data;
using Portal.Hosting;
using Portal.Identity;
using Portal.Email;
using Portal.Invitations;
using Portal.KeyRing;
using Portal.Operator;
using Portal.LiveUpdates;
using Portal.Payments;
using Portal.Rails;
using Portal.Sandbox;
using Portal.Webhooks;

try
{
    await RunAsync(args);
    return 0;
}
catch (StartupRefusedException refused)
{
    // A setting to change, not a bug: the operator reads one sentence that names it, without a stack trace.
    Console.Error.WriteLine($"Portal did not start: {refused.Message}");
    return 1;
}

static async Task RunAsync(string[] args)
{
    var builder = WebApplication.CreateBuilder(args);

    builder.AddPortalConfiguration();
    builder.AddServiceDefaults();
    builder.AddPortalData();
    builder.AddPortalKeyRing();
    builder.AddPortalIdentity();
    builder.AddPayments();
    builder.AddLiveUpdates();
    builder.AddSandboxBank();
    builder.AddPaymentRail();
    builder.AddPay();
    builder.AddAdmin();
    builder.AddStaffEmail();
    builder.AddInvitations();
    builder.AddOperator();
    builder.AddAudit();
    builder.AddMerchantApi();
    builder.AddWebhooks();
    builder.AddMerchantApiDocumentation();

    builder.Services.AddRazorComponents().AddInteractiveServerComponents();
    builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        // Every problem carries a stable machine-readable code; a writer that named none gets its status's.
        context.ProblemDetails.Extensions.TryAdd("code", ApiErrorCodes.ForStatus(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode)));
    builder.Services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
    builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();

    var app = builder.Build();

    await app.InitializePortalDatabaseAsync();
    await app.Services.InitializeSandboxBankAsync(seedDemo: DatabaseInitializer.IsDemoEnabled(app));

    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    if (!app.Environment.IsDevelopment())
    {
        app.UseHsts();
    }
    app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
    app.UseRequestLocalization(CheckoutCultures.Options());
    app.UseMerchantApi();
    app.UseAntiforgery();

    app.MapStaticAssets();
    app.MapDefaultEndpoints();
    // The framework sends this on component pages only while circuits are compressed (its clickjacking guard for
    // compressed WebSockets); compression is off below, and pages keep the header they had.
    app.Use((context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null)
        {
            context.Response.Headers.Append("Content-Security-Policy", "frame-ancestors 'self'");
        }
        return next(context);
    });
    // No permessage-deflate on circuits: each compressed circuit holds zlib state on the server, measured with
    // `Portal.Bench --waiting 1000 --deflate` (the bench asking for it as browsers do): process working set per waiting
    // checkout page 754 KB compressed, 284 KB not. Render batches are small and binary: little is saved on the wire.
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.DisableWebSocketCompression = true);
    app.MapAdditionalIdentityEndpoints();
    app.MapPaymentExportEndpoints();
    app.MapLiveUpdates();
    app.MapCultureSwitch();
    app.MapBranding();
    app.MapSandboxBankEndpoints();
    app.MapRailCallbacks();
    app.MapReportEndpoints();
    app.MapMerchantApi();
    app.MapMerchantApiDocumentation();

    app.PrintStartupBanner();
    await app.RunAsync();
}

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;

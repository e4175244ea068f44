using Microsoft.Extensions.Options;
using Portal.Abuse;
using Portal.Addresses;
using Portal.Admin;
using Portal.Api;
using Portal.Api.Documentation;
using Portal.Api.Resources;
using Portal.Admin.Payments;
using Portal.Admin.Reports;
using Portal.Audit;
using Portal.Branding;
using Portal.Bus;
using Portal.Commands;
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
using Portal.Production;
using Portal.Proxy;
using Portal.Rails;
using Portal.Sandbox;
using Portal.SandboxBank;
using Portal.StaffAccess;
using Portal.Totals;
using Portal.Webhooks;

try
{
    // `dotnet Portal.dll migrate`, `create-operator --email …`: one job on the configured database, then exit; no server.
    if (PortalCommands.Parse(args) is { } command)
    {
        return await PortalCommands.RunAsync(command, CreatePortal(command.HostArguments, serving: false).Build());
    }
    return await ServeAsync(CreatePortal(args, serving: true));
}
catch (StartupRefusedException refused)
{
    // A setting to change, not a bug: the operator reads one sentence that names it, without a stack trace.
    Console.Error.WriteLine($"Portal did not start: {refused.Message}");
    return 1;
}
catch (Exception ex) when (ex is OptionsValidationException || ex is AggregateException { InnerExceptions: var all } &&
                           all.All(e => e is OptionsValidationException))
{
    // The same for a setting out of its range: each failure is a sentence already.
    var failures = (ex is AggregateException aggregate ? aggregate.InnerExceptions : [ex])
        .SelectMany(e => ((OptionsValidationException)e).Failures);
    Console.Error.WriteLine($"Portal did not start: {string.Join(" ", failures)}");
    return 1;
}

static WebApplicationBuilder CreatePortal(string[] args, bool serving)
{
    var builder = WebApplication.CreateBuilder(args);

    builder.AddPortalConfiguration();
    if (serving)
    {
        builder.AddProductionSafety();
    }
    builder.AddServiceDefaults();
    builder.AddProxySupport();
    builder.AddPortalData();
    builder.AddRunningTotals(); // the dashboard's and settlement report's totals folded in the background; the totals command
    builder.AddPortalKeyRing();
    builder.AddPortalIdentity();
    builder.AddPayments();
    builder.AddBus(); // Redis when ConnectionStrings:Redis is set, else nothing: the one-process app
    builder.AddLiveUpdates();
    builder.AddStaffAccess(); // hub joins and open admin pages re-checked against the database
    builder.AddEmbeddedSandboxBank(); // only when on: SandboxBank:Enabled, true in Development by default
    builder.AddPaymentRail();
    builder.AddPay();
    builder.AddVelocityLimits();
    builder.AddPublicAddresses();
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

    return builder;
}

static async Task<int> ServeAsync(WebApplicationBuilder builder)
{
    var app = builder.Build();
    // Settings out of range refuse the start here, caught above as sentences, not in the host's start with its trace.
    app.Services.GetService<IStartupValidator>()?.Validate();

    await app.Services.InitializeSandboxBankAsync(seedDemo: DemoData.IsEnabled(app.Environment, app.Configuration));
    var database = await app.StartPortalDatabaseAsync();
    if (database.HasRefused)
    {
        // Demo rows in a production database: said in the log, which disposing flushes; never listening.
        await app.DisposeAsync();
        return 1;
    }

    // Ahead of everything here, AddProxySupport has put the trusted proxies' forwarded headers and the cookie rule.
    app.UseInstanceName();
    app.UseDatabaseGate();
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
    // Security headers, frame-ancestors 'self' among them, come from AddServiceDefaults (Portal/SecurityHeaders).
    // No permessage-deflate on circuits: each compressed circuit holds zlib state on the server, measured with
    // `Portal.Bench --waiting 1000 --deflate` (the bench asking for it as browsers do): process working set per waiting
    // checkout page 754 KB compressed, 284 KB not. Render batches are small and binary: little is saved on the wire.
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.DisableWebSocketCompression = true);
    app.MapAdditionalIdentityEndpoints();
    app.MapPaymentExportEndpoints();
    app.MapLiveUpdates();
    app.MapCultureSwitch();
    app.MapBranding();
    app.MapSandboxBankEndpoints(); // none when the bank is off
    app.MapRailCallbacks();
    app.MapReportEndpoints();
    app.MapMerchantApi();
    app.MapMerchantApiDocumentation();

    app.PrintStartupBanner();
    await app.RunAsync();
    // Demo rows found once the database came: said in the log, and the application stopped.
    return database.HasRefused ? 1 : 0;
}

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;

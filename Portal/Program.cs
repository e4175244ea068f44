using Portal.Admin;
using Portal.Pay;
using Portal.Components;
using Portal.Data;
using Portal.Hosting;
using Portal.Identity;
using Portal.LiveUpdates;
using Portal.Payments;
using Portal.Rails;
using Portal.Sandbox;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalConfiguration();
builder.AddPortalData();
builder.AddPortalIdentity();
builder.AddPayments();
builder.AddLiveUpdates();
builder.AddSandboxBank();
builder.AddPaymentRail();
builder.AddPay();
builder.AddAdmin();

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddProblemDetails();
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
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAdditionalIdentityEndpoints();
app.MapLiveUpdates();
app.MapCultureSwitch();
app.MapSandboxBankEndpoints();
app.MapRailCallbacks();

app.PrintStartupBanner();
app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;

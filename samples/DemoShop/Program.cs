using DemoShop.Orders;
using DemoShop.PortalApi;
using DemoShop.Webhooks;

var builder = WebApplication.CreateBuilder(args);
// Styles and the order page's script straight from the build output in every environment, not only Development
// (the tests start the built shop as Production); a published shop has its files in wwwroot and ignores this.
builder.WebHost.UseStaticWebAssets();

builder.AddPortalApi();
builder.AddOrders();
builder.Services.AddRazorPages();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
}
app.UseStatusCodePagesWithReExecute("/not-found");
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapOrderStatus();
app.MapPortalWebhook();

app.Run();

using DemoShop.Orders;
using DemoShop.PortalApi;
using DemoShop.Webhooks;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalApi();
builder.AddOrders();
builder.Services.AddRazorPages();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
}
app.UseStatusCodePagesWithReExecute("/not-found");
app.UseStaticFiles();
app.UseRouting();
app.UseAntiforgery();

app.MapRazorPages();
app.MapOrderStatus();
app.MapPortalWebhook();

app.Run();

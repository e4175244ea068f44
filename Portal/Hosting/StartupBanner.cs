using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Portal.Data;

namespace Portal.Hosting;

public static class StartupBanner
{
    /// <summary>
    /// Once listening, says where to go: the admin sign-in and, with the demo, a payment link to pay at once. For a
    /// developer at `dotnet run` only: elsewhere the console is a stream of JSON log lines, which a plain line would break.
    /// </summary>
    public static void PrintStartupBanner(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                .FirstOrDefault()?.Replace("://[::]", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                .Replace("://+", "://localhost", StringComparison.Ordinal) ?? "http://localhost:5080";
            // Not before the database is ready: the link is read from it.
            var demoLink = DemoData.IsEnabled(app.Environment, app.Configuration) &&
                           app.Services.GetRequiredService<DatabaseStatus>().IsReady
                ? DemoData.FindDemoLinkPathAsync(app.Services).GetAwaiter().GetResult()
                : null;
            Console.WriteLine();
            Console.WriteLine($"  Portal is running. Open {address}/admin");
            if (demoLink is not null)
            {
                Console.WriteLine($"  Demo sign-in: owner@demo.test / {DemoData.Password}");
                Console.WriteLine($"  Pay the demo link: {address}{demoLink}  (account 6200000000000001, PIN 123456)");
            }
            Console.WriteLine();
        });
    }
}

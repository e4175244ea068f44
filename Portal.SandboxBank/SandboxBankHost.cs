using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Portal.SandboxBank;

/// <summary>
/// The bank run alone, for several Portals to share over signed HTTP:
/// <c>dotnet run --project Portal.SandboxBank -- --urls http://127.0.0.1:5099</c>. Portal embeds the same bank through
/// <see cref="SandboxBankExtensions.AddSandboxBank"/> and never runs this.
/// </summary>
public static class SandboxBankHost
{
    /// <summary>The bank's optional settings file in its content root; never copied into a project that references the bank.</summary>
    public const string SettingsFile = "sandbox-bank.json";

    public static async Task<int> Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        UseOwnSettings(builder.Configuration, builder.Environment.ContentRootPath);
        builder.AddSandboxBank(Path.Combine(builder.Environment.ContentRootPath, "data"));
        builder.Services.AddHealthChecks();

        var app = builder.Build();
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException invalid)
        {
            // A setting to give (the signing secret, outside Development), said as the sentence it is.
            Console.Error.WriteLine($"The sandbox bank did not start: {string.Join(" ", invalid.Failures)}");
            return 1;
        }

        // Development also opens the demo merchants' settlement accounts, so a demo Portal pointed here takes payments.
        await app.Services.InitializeSandboxBankAsync(seedDemo: app.Environment.IsDevelopment());

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapSandboxBankEndpoints();

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var database = app.Services.GetRequiredService<IDbContextFactory<SandboxBankDbContext>>().CreateDbContext();
            using (database)
            {
                app.Logger.Listening(string.Join(", ", app.Urls), database.Database.GetDbConnection().DataSource);
            }
        });
        await app.RunAsync();
        return 0;
    }

    // Not appsettings.json: run from a folder that also holds Portal (its build output, a container), the bank would read
    // Portal's settings. Its defaults, then its own file, sit below the environment and the command line.
    private static void UseOwnSettings(IConfigurationBuilder configuration, string contentRoot)
    {
        foreach (var json in configuration.Sources.OfType<JsonConfigurationSource>().ToList())
        {
            configuration.Sources.Remove(json);
        }
        configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            Path = SettingsFile,
            FileProvider = new PhysicalFileProvider(contentRoot),
            Optional = true,
            ReloadOnChange = false,
        });
        configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
                ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
            },
        });
    }
}

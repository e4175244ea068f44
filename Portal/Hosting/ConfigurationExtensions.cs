using Microsoft.Extensions.FileProviders;

namespace Portal.Hosting;

public static class ConfigurationExtensions
{
    /// <summary>
    /// The operator's one config file is the repository's top-level appsettings.json, copied beside the app at build.
    /// It is read from there first, whatever the working directory (`dotnet run --project Portal`, the container), and
    /// everything the host reads after it (appsettings.{Environment}.json, environment variables, arguments) overrides it.
    /// </summary>
    public static IHostApplicationBuilder AddPortalConfiguration(this IHostApplicationBuilder builder)
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(shipped))
        {
            var sources = ((IConfigurationBuilder)builder.Configuration).Sources;
            var json = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
            {
                Path = "appsettings.json",
                FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
                Optional = true,
                ReloadOnChange = false,
            };
            sources.Insert(0, json);
        }
        return builder;
    }
}

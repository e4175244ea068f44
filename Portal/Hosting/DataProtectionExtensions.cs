using Microsoft.AspNetCore.DataProtection;
using Portal.Data;

namespace Portal.Hosting;

public static class DataProtectionExtensions
{
    /// <summary>
    /// Data Protection keys in the data folder (Storage:DataDirectory/keys) under a fixed application name, so that what
    /// they protect survives a restart or a new container on the same volume: sign-in cookies, and webhook endpoint
    /// secrets, which Portal must decrypt to sign deliveries.
    /// </summary>
    public static IHostApplicationBuilder AddPortalDataProtection(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDataProtection()
            .SetApplicationName("Portal")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(builder.GetDataDirectory(), "keys")));
        return builder;
    }
}

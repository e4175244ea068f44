using Microsoft.EntityFrameworkCore;
using Portal.Domain.Payments;

namespace Portal.Data;

public static class DataExtensions
{
    /// <summary>
    /// Portal's database on the configured provider: SQLite in the data folder unless Database:Provider says SqlServer.
    /// Pages and the flow take a context per operation from the factory (Blazor circuits outlive requests).
    /// </summary>
    public static IHostApplicationBuilder AddPortalData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        var provider = builder.Configuration.GetValue(DatabaseOptions.Section + ":Provider", DatabaseProvider.Sqlite);
        var connectionString = builder.Configuration.GetConnectionString("Portal");

        if (provider == DatabaseProvider.SqlServer)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Portal is not set.");
            }
            builder.Services.AddPooledDbContextFactory<SqlServerPortalDbContext>(options =>
                options.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure()));
            builder.Services.AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbContextFactory<SqlServerPortalDbContext>>();
        }
        else
        {
            connectionString ??= $"Data Source={Path.Combine(builder.GetDataDirectory(), "portal.db")}";
            builder.Services.AddPooledDbContextFactory<SqlitePortalDbContext>(options =>
                options.UseSqlite(connectionString).AddInterceptors(new SqliteConnectionInterceptor()));
            builder.Services.AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbContextFactory<SqlitePortalDbContext>>();
            builder.Services.AddSingleton<SqliteWriteGate>();
        }

        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());
        builder.Services.AddSingleton<IPaymentStoreFactory>(sp => new EfPaymentStoreFactory(
            sp.GetRequiredService<IDbContextFactory<PortalDbContext>>(), sp.GetService<SqliteWriteGate>(),
            sp.GetService<Webhooks.WebhookOutbox>()));
        return builder;
    }

    /// <summary>The folder for SQLite files (Storage:DataDirectory, default "data" under the content root), created if missing.</summary>
    public static string GetDataDirectory(this IHostApplicationBuilder builder)
    {
        var configured = builder.Configuration["Storage:DataDirectory"] ?? "data";
        var directory = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, configured));
        Directory.CreateDirectory(directory);
        return directory;
    }
}

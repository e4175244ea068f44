using System.ComponentModel.DataAnnotations;

namespace Portal.Data;

/// <summary>Section "Database": which provider holds Portal's data. The connection string is ConnectionStrings:Portal.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [Required]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Apply pending migrations when Portal starts. Defaults to true in Development and false elsewhere, where migrating
    /// is a deployment step (<c>dotnet Portal.dll migrate</c>) run once, before the new build serves.
    /// </summary>
    public bool? MigrateOnStartup { get; set; }
}

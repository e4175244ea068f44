using System.ComponentModel.DataAnnotations;

namespace Portal.Data;

/// <summary>Section "Database": which provider holds Portal's data. The connection string is ConnectionStrings:Portal.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [Required]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

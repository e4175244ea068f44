using Microsoft.Data.Sqlite;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Portal.Data;

/// <summary>
/// What a provider's error means, read from its error code, never from the message (which is translated on a server set
/// to another language, and differs between providers).
/// </summary>
internal static class DatabaseErrors
{
    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY (extended codes of SQLITE_CONSTRAINT, 19).
    private const int SqliteUnique = 2067;
    private const int SqlitePrimaryKey = 1555;

    // Cannot insert duplicate key row in a unique index; violation of a PRIMARY KEY or UNIQUE constraint.
    private const int SqlServerDuplicateKeyRow = 2601;
    private const int SqlServerUniqueConstraint = 2627;

    // Cannot open database requested by the login.
    private const int SqlServerCannotOpenDatabase = 4060;

    /// <summary>A row with the same unique key exists: a twin won the race (or did the work before).</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteUnique or SqlitePrimaryKey,
        SqlException sqlServer => sqlServer.Number is SqlServerDuplicateKeyRow or SqlServerUniqueConstraint,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>The server answered, but the database is not there yet: migrating creates it.</summary>
    public static bool IsMissingDatabase(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.InvalidCatalogName,
        SqlException sqlServer => sqlServer.Number == SqlServerCannotOpenDatabase,
        _ => exception.InnerException is { } inner && IsMissingDatabase(inner),
    };
}

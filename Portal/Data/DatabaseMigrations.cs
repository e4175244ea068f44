using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>Applying a database's pending migrations, as the <c>migrate</c> command and a development start do.</summary>
public static class DatabaseMigrations
{
    /// <summary>The deployment step that brings Portal's database to this build's schema, as operators are told to run it.</summary>
    public const string Command = "dotnet Portal.dll migrate";

    /// <summary>Applies what is pending (creating the database when the server has none); the migrations applied, oldest first.</summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        return pending;
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Data.Backfills;

/// <summary>
/// Fills the payments' search columns for rows written before the columns existed: the checkout's merchant reference
/// (which never changes once the checkout exists) and the id's first block in lower case, as <c>Payment.Start</c> writes
/// them. Called by each provider's migration, in that provider's SQL.
/// </summary>
public static class PaymentSearchBackfill
{
    public static void Apply(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(SqlFor(migrationBuilder.ActiveProvider));
    }

    public static string SqlFor(string? provider) => provider switch
    {
        // SQLite keeps ids as upper-case text with dashes, so the first block is the first eight characters.
        "Microsoft.EntityFrameworkCore.Sqlite" => """
            UPDATE "Payments" SET
                "MerchantReference" = (SELECT c."MerchantReference" FROM "Checkouts" AS c WHERE c."Id" = "Payments"."CheckoutId"),
                "IdPrefix" = lower(substr("Id", 1, 8));
            """,
        "Npgsql.EntityFrameworkCore.PostgreSQL" => """
            UPDATE "Payments" AS p SET "MerchantReference" = c."MerchantReference", "IdPrefix" = substr(p."Id"::text, 1, 8)
            FROM "Checkouts" AS c WHERE c."Id" = p."CheckoutId";
            """,
        "Microsoft.EntityFrameworkCore.SqlServer" => """
            UPDATE p SET p.[MerchantReference] = c.[MerchantReference], p.[IdPrefix] = LOWER(LEFT(CONVERT(char(36), p.[Id]), 8))
            FROM [Payments] AS p INNER JOIN [Checkouts] AS c ON c.[Id] = p.[CheckoutId];
            """,
        _ => throw new NotSupportedException($"No payments search backfill for {provider}."),
    };
}

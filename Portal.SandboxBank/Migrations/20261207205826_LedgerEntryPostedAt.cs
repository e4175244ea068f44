using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.SandboxBank.Migrations
{
    /// <inheritdoc />
    public partial class LedgerEntryPostedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_AccountNumber",
                table: "LedgerEntries");

            migrationBuilder.AddColumn<long>(
                name: "PostedAt",
                table: "LedgerEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Entries written before carry their transaction's posting time, as UTC ticks like every instant of the
            // bank's; filled before the index is built, so that it is built once over the final values.
            migrationBuilder.Sql("""
                UPDATE "LedgerEntries"
                SET "PostedAt" = (SELECT "t"."PostedAt" FROM "LedgerTransactions" AS "t" WHERE "t"."Id" = "LedgerEntries"."TransactionId");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_AccountNumber_PostedAt_Id",
                table: "LedgerEntries",
                columns: new[] { "AccountNumber", "PostedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_AccountNumber_PostedAt_Id",
                table: "LedgerEntries");

            migrationBuilder.DropColumn(
                name: "PostedAt",
                table: "LedgerEntries");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_AccountNumber",
                table: "LedgerEntries",
                column: "AccountNumber");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.SandboxBank.Migrations
{
    /// <inheritdoc />
    public partial class CrossBorderQuotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PayerAmountMinorUnits",
                table: "Orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PayerCurrencyCode",
                table: "Orders",
                type: "TEXT",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "QuoteId",
                table: "Orders",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Rate",
                table: "Orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Quotes",
                columns: table => new
                {
                    QuoteId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MerchantAccount = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AmountMinorUnits = table.Column<long>(type: "INTEGER", nullable: false),
                    CurrencyCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    PayerCurrencyCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    PayerAmountMinorUnits = table.Column<long>(type: "INTEGER", nullable: false),
                    FeeMinorUnits = table.Column<long>(type: "INTEGER", nullable: false),
                    Rate = table.Column<decimal>(type: "TEXT", nullable: false),
                    QuotedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedByOrderId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Quotes", x => x.QuoteId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Quotes_UsedByOrderId",
                table: "Quotes",
                column: "UsedByOrderId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Quotes");

            migrationBuilder.DropColumn(
                name: "PayerAmountMinorUnits",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "PayerCurrencyCode",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "QuoteId",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "Rate",
                table: "Orders");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CrossBorderQuotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PayerAmountMinorUnits",
                table: "Refunds",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PayerCurrencyCode",
                table: "Refunds",
                type: "TEXT",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "FxRate",
                table: "Payments",
                type: "TEXT",
                precision: 20,
                scale: 10,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PayerAmountMinorUnits",
                table: "Payments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PayerCurrencyCode",
                table: "Payments",
                type: "TEXT",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PayerFeeMinorUnits",
                table: "Payments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "QuoteExpiresAt",
                table: "Payments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "QuoteId",
                table: "Payments",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "QuotedAt",
                table: "Payments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ForeignPayerCurrencies",
                table: "Merchants",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "USD,EUR,GBP,HKD,JPY");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PayerAmountMinorUnits",
                table: "Refunds");

            migrationBuilder.DropColumn(
                name: "PayerCurrencyCode",
                table: "Refunds");

            migrationBuilder.DropColumn(
                name: "FxRate",
                table: "Payments");

            migrationBuilder.DropColumn(
                name: "PayerAmountMinorUnits",
                table: "Payments");

            migrationBuilder.DropColumn(
                name: "PayerCurrencyCode",
                table: "Payments");

            migrationBuilder.DropColumn(
                name: "PayerFeeMinorUnits",
                table: "Payments");

            migrationBuilder.DropColumn(
                name: "QuoteExpiresAt",
                table: "Payments");

            migrationBuilder.DropColumn(
                name: "QuoteId",
                table: "Payments");

            migrationBuilder.DropColumn(
                name: "QuotedAt",
                table: "Payments");

            migrationBuilder.DropColumn(
                name: "ForeignPayerCurrencies",
                table: "Merchants");
        }
    }
}

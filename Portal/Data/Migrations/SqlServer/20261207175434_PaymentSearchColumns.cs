using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PaymentSearchColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Payments_MerchantId_MethodChosenAt",
                table: "Payments");

            migrationBuilder.AddColumn<string>(
                name: "IdPrefix",
                table: "Payments",
                type: "nvarchar(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "MerchantReference",
                table: "Payments",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true,
                collation: "Latin1_General_100_BIN2");

            Portal.Data.Backfills.PaymentSearchBackfill.Apply(migrationBuilder);

            migrationBuilder.CreateIndex(
                name: "IX_Payments_MerchantId_AmountMinorUnits_MethodChosenAt_Id",
                table: "Payments",
                columns: new[] { "MerchantId", "AmountMinorUnits", "MethodChosenAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Payments_MerchantId_AmountMinorUnits_NewestFirst",
                table: "Payments",
                columns: new[] { "MerchantId", "AmountMinorUnits", "MethodChosenAt", "Id" },
                descending: new[] { false, false, true, true });

            migrationBuilder.CreateIndex(
                name: "IX_Payments_MerchantId_CheckoutId",
                table: "Payments",
                columns: new[] { "MerchantId", "CheckoutId" });

            migrationBuilder.CreateIndex(
                name: "IX_Payments_MerchantId_IdPrefix",
                table: "Payments",
                columns: new[] { "MerchantId", "IdPrefix" });

            migrationBuilder.CreateIndex(
                name: "IX_Payments_MerchantId_MerchantReference",
                table: "Payments",
                columns: new[] { "MerchantId", "MerchantReference" });

            migrationBuilder.CreateIndex(
                name: "IX_Payments_MerchantId_Method_MethodChosenAt_Id",
                table: "Payments",
                columns: new[] { "MerchantId", "Method", "MethodChosenAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Payments_MerchantId_MethodChosenAt_Id",
                table: "Payments",
                columns: new[] { "MerchantId", "MethodChosenAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Payments_MerchantId_Status_MethodChosenAt_Id",
                table: "Payments",
                columns: new[] { "MerchantId", "Status", "MethodChosenAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Payments_MerchantId_AmountMinorUnits_MethodChosenAt_Id",
                table: "Payments");

            migrationBuilder.DropIndex(
                name: "IX_Payments_MerchantId_AmountMinorUnits_NewestFirst",
                table: "Payments");

            migrationBuilder.DropIndex(
                name: "IX_Payments_MerchantId_CheckoutId",
                table: "Payments");

            migrationBuilder.DropIndex(
                name: "IX_Payments_MerchantId_IdPrefix",
                table: "Payments");

            migrationBuilder.DropIndex(
                name: "IX_Payments_MerchantId_MerchantReference",
                table: "Payments");

            migrationBuilder.DropIndex(
                name: "IX_Payments_MerchantId_Method_MethodChosenAt_Id",
                table: "Payments");

            migrationBuilder.DropIndex(
                name: "IX_Payments_MerchantId_MethodChosenAt_Id",
                table: "Payments");

            migrationBuilder.DropIndex(
                name: "IX_Payments_MerchantId_Status_MethodChosenAt_Id",
                table: "Payments");

            migrationBuilder.DropColumn(
                name: "IdPrefix",
                table: "Payments");

            migrationBuilder.DropColumn(
                name: "MerchantReference",
                table: "Payments");

            migrationBuilder.CreateIndex(
                name: "IX_Payments_MerchantId_MethodChosenAt",
                table: "Payments",
                columns: new[] { "MerchantId", "MethodChosenAt" });
        }
    }
}

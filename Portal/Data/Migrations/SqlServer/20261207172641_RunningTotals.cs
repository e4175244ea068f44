using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RunningTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PaymentDayTotals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MerchantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Day = table.Column<int>(type: "int", nullable: false),
                    Method = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    CurrencyCode = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false),
                    AmountMinorUnits = table.Column<long>(type: "bigint", nullable: false),
                    CrossBorderCount = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentDayTotals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SettlementDayTotals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MerchantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Day = table.Column<int>(type: "int", nullable: false),
                    CurrencyCode = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    PaymentCount = table.Column<long>(type: "bigint", nullable: false),
                    GrossMinorUnits = table.Column<long>(type: "bigint", nullable: false),
                    FxPaymentCount = table.Column<long>(type: "bigint", nullable: false),
                    FxVolumeMinorUnits = table.Column<long>(type: "bigint", nullable: false),
                    RefundCount = table.Column<long>(type: "bigint", nullable: false),
                    RefundsMinorUnits = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementDayTotals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Payments_MerchantId_Method_Status_MethodChosenAt",
                table: "Payments",
                columns: new[] { "MerchantId", "Method", "Status", "MethodChosenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentDayTotals_Kind_Id",
                table: "PaymentDayTotals",
                columns: new[] { "Kind", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentDayTotals_MerchantId_Day",
                table: "PaymentDayTotals",
                columns: new[] { "MerchantId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_SettlementDayTotals_Kind_Id",
                table: "SettlementDayTotals",
                columns: new[] { "Kind", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SettlementDayTotals_MerchantId_Day",
                table: "SettlementDayTotals",
                columns: new[] { "MerchantId", "Day" });

            // Existing payments and refunds get their totals now, in the migration's transaction.
            migrationBuilder.Sql(Portal.Totals.TotalsSql.FillPaymentDayTotals);
            migrationBuilder.Sql(Portal.Totals.TotalsSql.FillSettlementDayTotals);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PaymentDayTotals");

            migrationBuilder.DropTable(
                name: "SettlementDayTotals");

            migrationBuilder.DropIndex(
                name: "IX_Payments_MerchantId_Method_Status_MethodChosenAt",
                table: "Payments");
        }
    }
}

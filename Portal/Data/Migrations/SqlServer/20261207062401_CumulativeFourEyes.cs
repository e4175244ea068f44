using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CumulativeFourEyes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ApprovalReason",
                table: "Refunds",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingRefundApprovalThresholdBy",
                table: "Merchants",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PendingRefundApprovalThresholdFrom",
                table: "Merchants",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PendingRefundApprovalThresholdMinorUnits",
                table: "Merchants",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_MerchantId_RequestedById_RequestedAt",
                table: "Refunds",
                columns: new[] { "MerchantId", "RequestedById", "RequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Refunds_MerchantId_RequestedById_RequestedAt",
                table: "Refunds");

            migrationBuilder.DropColumn(
                name: "ApprovalReason",
                table: "Refunds");

            migrationBuilder.DropColumn(
                name: "PendingRefundApprovalThresholdBy",
                table: "Merchants");

            migrationBuilder.DropColumn(
                name: "PendingRefundApprovalThresholdFrom",
                table: "Merchants");

            migrationBuilder.DropColumn(
                name: "PendingRefundApprovalThresholdMinorUnits",
                table: "Merchants");
        }
    }
}

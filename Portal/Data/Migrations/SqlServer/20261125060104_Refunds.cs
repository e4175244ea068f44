using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Refunds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RefundedMinorUnits",
                table: "Payments",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "RefundsInFlightMinorUnits",
                table: "Payments",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "RefundApprovalThresholdMinorUnits",
                table: "Merchants",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "RefundWindowDays",
                table: "Merchants",
                type: "int",
                nullable: false,
                defaultValue: 180);

            // Merchants from before refunds get the defaults new merchants get: 1,000.00 in their currency.
            migrationBuilder.Sql(
                "UPDATE Merchants SET RefundApprovalThresholdMinorUnits = CASE " +
                "WHEN CurrencyCode IN ('JPY', 'KRW', 'VND', 'CLP', 'ISK', 'UGX', 'XAF', 'XOF') THEN 1000 " +
                "WHEN CurrencyCode IN ('BHD', 'KWD', 'OMR', 'JOD', 'TND', 'IQD', 'LYD') THEN 1000000 " +
                "ELSE 100000 END");

            migrationBuilder.CreateTable(
                name: "Refunds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PaymentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CheckoutId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MerchantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Method = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    AmountMinorUnits = table.Column<long>(type: "bigint", nullable: false),
                    CurrencyCode = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Step = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    NeedsApproval = table.Column<bool>(type: "bit", nullable: false),
                    RequestedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RequestedByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ApprovedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ApprovedByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    RejectedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    RejectedByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    RejectedAt = table.Column<long>(type: "bigint", nullable: true),
                    RequestedAt = table.Column<long>(type: "bigint", nullable: false),
                    ApprovedAt = table.Column<long>(type: "bigint", nullable: true),
                    OrderCreatedAt = table.Column<long>(type: "bigint", nullable: true),
                    OrderSentAt = table.Column<long>(type: "bigint", nullable: true),
                    RailVerifiedAt = table.Column<long>(type: "bigint", nullable: true),
                    ProcessedAt = table.Column<long>(type: "bigint", nullable: true),
                    NotifiedAt = table.Column<long>(type: "bigint", nullable: true),
                    FailedAt = table.Column<long>(type: "bigint", nullable: true),
                    FailureCode = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: true),
                    FailureMessage = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    IdempotencyKey = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    RailReference = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Refunds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Refunds_Payments_PaymentId",
                        column: x => x.PaymentId,
                        principalTable: "Payments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_CheckoutId_RequestedAt",
                table: "Refunds",
                columns: new[] { "CheckoutId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_MerchantId_IdempotencyKey",
                table: "Refunds",
                columns: new[] { "MerchantId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_MerchantId_RequestedAt",
                table: "Refunds",
                columns: new[] { "MerchantId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_PaymentId_RequestedAt",
                table: "Refunds",
                columns: new[] { "PaymentId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_Status_OrderCreatedAt",
                table: "Refunds",
                columns: new[] { "Status", "OrderCreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Refunds");

            migrationBuilder.DropColumn(
                name: "RefundedMinorUnits",
                table: "Payments");

            migrationBuilder.DropColumn(
                name: "RefundsInFlightMinorUnits",
                table: "Payments");

            migrationBuilder.DropColumn(
                name: "RefundApprovalThresholdMinorUnits",
                table: "Merchants");

            migrationBuilder.DropColumn(
                name: "RefundWindowDays",
                table: "Merchants");
        }
    }
}

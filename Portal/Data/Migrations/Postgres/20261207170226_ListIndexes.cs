using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Refunds_MerchantId_RequestedAt",
                table: "Refunds");

            migrationBuilder.DropIndex(
                name: "IX_Checkouts_MerchantId_CreatedAt",
                table: "Checkouts");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_MerchantId_Action_At",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_MerchantId_At",
                table: "AuditEntries");

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_MerchantId_OrderCreatedAt",
                table: "Refunds",
                columns: new[] { "MerchantId", "OrderCreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_MerchantId_RequestedAt_Id",
                table: "Refunds",
                columns: new[] { "MerchantId", "RequestedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_MerchantId_Status_RequestedAt_Id",
                table: "Refunds",
                columns: new[] { "MerchantId", "Status", "RequestedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Payments_MerchantId_OrderCreatedAt",
                table: "Payments",
                columns: new[] { "MerchantId", "OrderCreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Checkouts_MerchantId_CreatedAt_Id",
                table: "Checkouts",
                columns: new[] { "MerchantId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_MerchantId_Action_At_Id",
                table: "AuditEntries",
                columns: new[] { "MerchantId", "Action", "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_MerchantId_ActorUserId_At_Id",
                table: "AuditEntries",
                columns: new[] { "MerchantId", "ActorUserId", "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_MerchantId_At_Id",
                table: "AuditEntries",
                columns: new[] { "MerchantId", "At", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Refunds_MerchantId_OrderCreatedAt",
                table: "Refunds");

            migrationBuilder.DropIndex(
                name: "IX_Refunds_MerchantId_RequestedAt_Id",
                table: "Refunds");

            migrationBuilder.DropIndex(
                name: "IX_Refunds_MerchantId_Status_RequestedAt_Id",
                table: "Refunds");

            migrationBuilder.DropIndex(
                name: "IX_Payments_MerchantId_OrderCreatedAt",
                table: "Payments");

            migrationBuilder.DropIndex(
                name: "IX_Checkouts_MerchantId_CreatedAt_Id",
                table: "Checkouts");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_MerchantId_Action_At_Id",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_MerchantId_ActorUserId_At_Id",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_MerchantId_At_Id",
                table: "AuditEntries");

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_MerchantId_RequestedAt",
                table: "Refunds",
                columns: new[] { "MerchantId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Checkouts_MerchantId_CreatedAt",
                table: "Checkouts",
                columns: new[] { "MerchantId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_MerchantId_Action_At",
                table: "AuditEntries",
                columns: new[] { "MerchantId", "Action", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_MerchantId_At",
                table: "AuditEntries",
                columns: new[] { "MerchantId", "At" });
        }
    }
}

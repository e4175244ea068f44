using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.SandboxBank.Migrations
{
    /// <inheritdoc />
    public partial class RefundsOfOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "OriginalOrderId",
                table: "Orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Orders_OriginalOrderId",
                table: "Orders",
                column: "OriginalOrderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Orders_OriginalOrderId",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "OriginalOrderId",
                table: "Orders");
        }
    }
}

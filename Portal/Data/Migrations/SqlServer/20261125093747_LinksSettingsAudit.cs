using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class LinksSettingsAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DefaultLinkLifetime",
                table: "Merchants",
                type: "bigint",
                nullable: false,
                defaultValue: 6048000000000L);

            migrationBuilder.AddColumn<string>(
                name: "DefaultPaymentMethods",
                table: "Merchants",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "All");

            migrationBuilder.AddColumn<long>(
                name: "LogoUpdatedAt",
                table: "Merchants",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StoreToken",
                table: "Merchants",
                type: "nvarchar(27)",
                maxLength: 27,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupportEmail",
                table: "Merchants",
                type: "nvarchar(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DeactivatedAt",
                table: "Checkouts",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MerchantId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ActorUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    TargetType = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    TargetId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Summary = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Details = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    IpAddress = table.Column<string>(type: "nvarchar(45)", maxLength: 45, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MerchantLogos",
                columns: table => new
                {
                    MerchantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", maxLength: 262144, nullable: false),
                    UploadedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MerchantLogos", x => x.MerchantId);
                    table.ForeignKey(
                        name: "FK_MerchantLogos_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Merchants_StoreToken",
                table: "Merchants",
                column: "StoreToken",
                unique: true,
                filter: "[StoreToken] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_MerchantId_Action_At",
                table: "AuditEntries",
                columns: new[] { "MerchantId", "Action", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_MerchantId_At",
                table: "AuditEntries",
                columns: new[] { "MerchantId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "MerchantLogos");

            migrationBuilder.DropIndex(
                name: "IX_Merchants_StoreToken",
                table: "Merchants");

            migrationBuilder.DropColumn(
                name: "DefaultLinkLifetime",
                table: "Merchants");

            migrationBuilder.DropColumn(
                name: "DefaultPaymentMethods",
                table: "Merchants");

            migrationBuilder.DropColumn(
                name: "LogoUpdatedAt",
                table: "Merchants");

            migrationBuilder.DropColumn(
                name: "StoreToken",
                table: "Merchants");

            migrationBuilder.DropColumn(
                name: "SupportEmail",
                table: "Merchants");

            migrationBuilder.DropColumn(
                name: "DeactivatedAt",
                table: "Checkouts");
        }
    }
}

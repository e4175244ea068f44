using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StoreCodeRenewal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "StoreCodeOffSince",
                table: "Merchants",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RetiredStoreCodes",
                columns: table => new
                {
                    Token = table.Column<string>(type: "character varying(27)", maxLength: 27, nullable: false),
                    MerchantId = table.Column<Guid>(type: "uuid", nullable: false),
                    RetiredAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetiredStoreCodes", x => x.Token);
                    table.ForeignKey(
                        name: "FK_RetiredStoreCodes_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RetiredStoreCodes_MerchantId",
                table: "RetiredStoreCodes",
                column: "MerchantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RetiredStoreCodes");

            migrationBuilder.DropColumn(
                name: "StoreCodeOffSince",
                table: "Merchants");
        }
    }
}

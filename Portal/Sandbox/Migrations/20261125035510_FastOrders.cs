using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Sandbox.Migrations
{
    /// <inheritdoc />
    public partial class FastOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CallbackUrl",
                table: "Orders",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CallbackUrl",
                table: "Orders");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenantPortal.Web.Data.Portal.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OfficerPatch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PatchId",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PatchId",
                table: "AspNetUsers");
        }
    }
}

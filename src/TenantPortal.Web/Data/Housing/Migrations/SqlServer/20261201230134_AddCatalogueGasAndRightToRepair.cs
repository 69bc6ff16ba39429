using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenantPortal.Web.Data.Housing.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddCatalogueGasAndRightToRepair : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsGas",
                table: "RepairCatalogue",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "RightToRepairDefect",
                table: "RepairCatalogue",
                type: "nvarchar(80)",
                maxLength: 80,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsGas",
                table: "RepairCatalogue");

            migrationBuilder.DropColumn(
                name: "RightToRepairDefect",
                table: "RepairCatalogue");
        }
    }
}

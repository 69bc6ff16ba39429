using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenantPortal.Web.Data.Housing.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OpenHazardCasesIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RepairHazardCases_IsOpen_NextDueAt",
                table: "RepairHazardCases");

            migrationBuilder.CreateIndex(
                name: "IX_RepairHazardCases_Open",
                table: "RepairHazardCases",
                column: "NextDueAt",
                filter: "[IsOpen]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RepairHazardCases_Open",
                table: "RepairHazardCases");

            migrationBuilder.CreateIndex(
                name: "IX_RepairHazardCases_IsOpen_NextDueAt",
                table: "RepairHazardCases",
                columns: new[] { "IsOpen", "NextDueAt" });
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenantPortal.Web.Data.Housing.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DashboardMeasuresIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Repairs_Completions",
                table: "Repairs",
                columns: new[] { "Status", "CompletedAt", "Priority", "TargetDate", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Repairs_Recalls",
                table: "Repairs",
                columns: new[] { "ReportedAt", "RecallOfRepairId" },
                filter: "\"RecallOfRepairId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Repairs_Completions",
                table: "Repairs");

            migrationBuilder.DropIndex(
                name: "IX_Repairs_Recalls",
                table: "Repairs");
        }
    }
}

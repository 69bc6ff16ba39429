using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenantPortal.Web.Data.Housing.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QueueSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Repairs_PropertyId",
                table: "Repairs");

            migrationBuilder.DropIndex(
                name: "IX_Repairs_Status_TargetDate",
                table: "Repairs");

            migrationBuilder.DropIndex(
                name: "IX_Repairs_TargetDate",
                table: "Repairs");

            migrationBuilder.AddColumn<string>(
                name: "OpenDescription",
                table: "Repairs",
                type: "TEXT",
                maxLength: 1000,
                nullable: true,
                computedColumnSql: "CASE WHEN \"Status\" IN ('Reported', 'Booked', 'InProgress', 'OnHold') THEN \"Description\" END",
                stored: false);

            migrationBuilder.CreateIndex(
                name: "IX_Repairs_OpenDescriptions",
                table: "Repairs",
                column: "OpenDescription",
                filter: "[OpenDescription] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Repairs_PropertyId_Status",
                table: "Repairs",
                columns: new[] { "PropertyId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Repairs_OpenDescriptions",
                table: "Repairs");

            migrationBuilder.DropIndex(
                name: "IX_Repairs_PropertyId_Status",
                table: "Repairs");

            migrationBuilder.DropColumn(
                name: "OpenDescription",
                table: "Repairs");

            migrationBuilder.CreateIndex(
                name: "IX_Repairs_PropertyId",
                table: "Repairs",
                column: "PropertyId");

            migrationBuilder.CreateIndex(
                name: "IX_Repairs_Status_TargetDate",
                table: "Repairs",
                columns: new[] { "Status", "TargetDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Repairs_TargetDate",
                table: "Repairs",
                column: "TargetDate");
        }
    }
}

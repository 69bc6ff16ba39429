using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenantPortal.Web.Data.Housing.Migrations.SqlServer
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

            migrationBuilder.CreateIndex(
                name: "IX_Repairs_OpenDescriptions",
                table: "Repairs",
                column: "Status",
                filter: "[Status] IN ('Reported', 'Booked', 'InProgress', 'OnHold')")
                .Annotation("SqlServer:Include", new[] { "Description" });

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

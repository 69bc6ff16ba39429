using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenantPortal.Web.Data.Portal.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class JourneysExpireFromStart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JourneyStates_UpdatedAt",
                table: "JourneyStates");

            migrationBuilder.CreateIndex(
                name: "IX_JourneyStates_CreatedAt",
                table: "JourneyStates",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JourneyStates_CreatedAt",
                table: "JourneyStates");

            migrationBuilder.CreateIndex(
                name: "IX_JourneyStates_UpdatedAt",
                table: "JourneyStates",
                column: "UpdatedAt");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenantPortal.Web.Data.Portal.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JourneyStates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JourneyStates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Journey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JourneyStates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JourneyStates_OwnerUserId_Journey_Subject",
                table: "JourneyStates",
                columns: new[] { "OwnerUserId", "Journey", "Subject" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JourneyStates_UpdatedAt",
                table: "JourneyStates",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JourneyStates");
        }
    }
}

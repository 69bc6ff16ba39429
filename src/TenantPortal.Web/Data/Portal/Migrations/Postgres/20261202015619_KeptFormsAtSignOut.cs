using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenantPortal.Web.Data.Portal.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KeptFormsAtSignOut : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "KeptForms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Path = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ProtectedFields = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeptForms", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KeptForms_ExpiresAt",
                table: "KeptForms",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_KeptForms_OwnerUserId_Path",
                table: "KeptForms",
                columns: new[] { "OwnerUserId", "Path" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KeptForms");
        }
    }
}

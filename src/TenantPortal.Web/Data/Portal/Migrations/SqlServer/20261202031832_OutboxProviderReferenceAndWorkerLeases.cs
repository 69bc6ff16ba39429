using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenantPortal.Web.Data.Portal.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OutboxProviderReferenceAndWorkerLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProviderReference",
                schema: "portal",
                table: "EmailOutbox",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "WorkerLeases",
                schema: "portal",
                columns: table => new
                {
                    Name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Owner = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkerLeases", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EmailOutbox_ProviderReference",
                schema: "portal",
                table: "EmailOutbox",
                column: "ProviderReference");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WorkerLeases",
                schema: "portal");

            migrationBuilder.DropIndex(
                name: "IX_EmailOutbox_ProviderReference",
                schema: "portal",
                table: "EmailOutbox");

            migrationBuilder.DropColumn(
                name: "ProviderReference",
                schema: "portal",
                table: "EmailOutbox");
        }
    }
}

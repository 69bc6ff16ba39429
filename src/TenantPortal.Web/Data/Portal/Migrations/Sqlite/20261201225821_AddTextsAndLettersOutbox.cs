using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenantPortal.Web.Data.Portal.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddTextsAndLettersOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "EmailOutbox",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "Email");

            migrationBuilder.AddColumn<DateTime>(
                name: "FailedAt",
                table: "EmailOutbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OnceKey",
                table: "EmailOutbox",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TenantId",
                table: "EmailOutbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmailOutbox_Channel_SentAt",
                table: "EmailOutbox",
                columns: new[] { "Channel", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EmailOutbox_OnceKey",
                table: "EmailOutbox",
                column: "OnceKey",
                unique: true,
                filter: "[OnceKey] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_EmailOutbox_TenantId_FailedAt",
                table: "EmailOutbox",
                columns: new[] { "TenantId", "FailedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EmailOutbox_Channel_SentAt",
                table: "EmailOutbox");

            migrationBuilder.DropIndex(
                name: "IX_EmailOutbox_OnceKey",
                table: "EmailOutbox");

            migrationBuilder.DropIndex(
                name: "IX_EmailOutbox_TenantId_FailedAt",
                table: "EmailOutbox");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "EmailOutbox");

            migrationBuilder.DropColumn(
                name: "FailedAt",
                table: "EmailOutbox");

            migrationBuilder.DropColumn(
                name: "OnceKey",
                table: "EmailOutbox");

            migrationBuilder.DropColumn(
                name: "TenantId",
                table: "EmailOutbox");
        }
    }
}

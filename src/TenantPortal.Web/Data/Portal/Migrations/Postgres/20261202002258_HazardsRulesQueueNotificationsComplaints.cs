using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenantPortal.Web.Data.Portal.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HazardsRulesQueueNotificationsComplaints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "To",
                table: "EmailOutbox",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(256)",
                oldMaxLength: 256);

            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "EmailOutbox",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "Email");

            migrationBuilder.AddColumn<DateTime>(
                name: "FailedAt",
                table: "EmailOutbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OnceKey",
                table: "EmailOutbox",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TenantId",
                table: "EmailOutbox",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PatchId",
                table: "AspNetUsers",
                type: "integer",
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
                filter: "\"OnceKey\" IS NOT NULL");

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

            migrationBuilder.DropColumn(
                name: "PatchId",
                table: "AspNetUsers");

            migrationBuilder.AlterColumn<string>(
                name: "To",
                table: "EmailOutbox",
                type: "character varying(256)",
                maxLength: 256,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400);
        }
    }
}

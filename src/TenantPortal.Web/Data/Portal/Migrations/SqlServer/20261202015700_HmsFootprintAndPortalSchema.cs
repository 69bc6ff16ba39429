using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenantPortal.Web.Data.Portal.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class HmsFootprintAndPortalSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "portal");

            migrationBuilder.RenameTable(
                name: "ProviderEvents",
                newName: "ProviderEvents",
                newSchema: "portal");

            migrationBuilder.RenameTable(
                name: "PortalPhotos",
                newName: "PortalPhotos",
                newSchema: "portal");

            migrationBuilder.RenameTable(
                name: "PortalPhotoContents",
                newName: "PortalPhotoContents",
                newSchema: "portal");

            migrationBuilder.RenameTable(
                name: "PaymentRefunds",
                newName: "PaymentRefunds",
                newSchema: "portal");

            migrationBuilder.RenameTable(
                name: "PaymentDisputes",
                newName: "PaymentDisputes",
                newSchema: "portal");

            migrationBuilder.RenameTable(
                name: "PaymentAttempts",
                newName: "PaymentAttempts",
                newSchema: "portal");

            migrationBuilder.RenameTable(
                name: "JourneyStates",
                newName: "JourneyStates",
                newSchema: "portal");

            migrationBuilder.RenameTable(
                name: "EmailOutbox",
                newName: "EmailOutbox",
                newSchema: "portal");

            migrationBuilder.RenameTable(
                name: "DataProtectionKeys",
                newName: "DataProtectionKeys",
                newSchema: "portal");

            migrationBuilder.RenameTable(
                name: "AuditLog",
                newName: "AuditLog",
                newSchema: "portal");

            migrationBuilder.RenameTable(
                name: "AspNetUserTokens",
                newName: "AspNetUserTokens",
                newSchema: "portal");

            migrationBuilder.RenameTable(
                name: "AspNetUsers",
                newName: "AspNetUsers",
                newSchema: "portal");

            migrationBuilder.RenameTable(
                name: "AspNetUserRoles",
                newName: "AspNetUserRoles",
                newSchema: "portal");

            migrationBuilder.RenameTable(
                name: "AspNetUserLogins",
                newName: "AspNetUserLogins",
                newSchema: "portal");

            migrationBuilder.RenameTable(
                name: "AspNetUserClaims",
                newName: "AspNetUserClaims",
                newSchema: "portal");

            migrationBuilder.RenameTable(
                name: "AspNetRoles",
                newName: "AspNetRoles",
                newSchema: "portal");

            migrationBuilder.RenameTable(
                name: "AspNetRoleClaims",
                newName: "AspNetRoleClaims",
                newSchema: "portal");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameTable(
                name: "ProviderEvents",
                schema: "portal",
                newName: "ProviderEvents");

            migrationBuilder.RenameTable(
                name: "PortalPhotos",
                schema: "portal",
                newName: "PortalPhotos");

            migrationBuilder.RenameTable(
                name: "PortalPhotoContents",
                schema: "portal",
                newName: "PortalPhotoContents");

            migrationBuilder.RenameTable(
                name: "PaymentRefunds",
                schema: "portal",
                newName: "PaymentRefunds");

            migrationBuilder.RenameTable(
                name: "PaymentDisputes",
                schema: "portal",
                newName: "PaymentDisputes");

            migrationBuilder.RenameTable(
                name: "PaymentAttempts",
                schema: "portal",
                newName: "PaymentAttempts");

            migrationBuilder.RenameTable(
                name: "JourneyStates",
                schema: "portal",
                newName: "JourneyStates");

            migrationBuilder.RenameTable(
                name: "EmailOutbox",
                schema: "portal",
                newName: "EmailOutbox");

            migrationBuilder.RenameTable(
                name: "DataProtectionKeys",
                schema: "portal",
                newName: "DataProtectionKeys");

            migrationBuilder.RenameTable(
                name: "AuditLog",
                schema: "portal",
                newName: "AuditLog");

            migrationBuilder.RenameTable(
                name: "AspNetUserTokens",
                schema: "portal",
                newName: "AspNetUserTokens");

            migrationBuilder.RenameTable(
                name: "AspNetUsers",
                schema: "portal",
                newName: "AspNetUsers");

            migrationBuilder.RenameTable(
                name: "AspNetUserRoles",
                schema: "portal",
                newName: "AspNetUserRoles");

            migrationBuilder.RenameTable(
                name: "AspNetUserLogins",
                schema: "portal",
                newName: "AspNetUserLogins");

            migrationBuilder.RenameTable(
                name: "AspNetUserClaims",
                schema: "portal",
                newName: "AspNetUserClaims");

            migrationBuilder.RenameTable(
                name: "AspNetRoles",
                schema: "portal",
                newName: "AspNetRoles");

            migrationBuilder.RenameTable(
                name: "AspNetRoleClaims",
                schema: "portal",
                newName: "AspNetRoleClaims");
        }
    }
}

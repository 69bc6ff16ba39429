using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenantPortal.Web.Data.Portal.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RepairPhotoStorage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PortalPhotoContents",
                columns: table => new
                {
                    Key = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Variant = table.Column<byte>(type: "tinyint", nullable: false),
                    Data = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalPhotoContents", x => new { x.Key, x.Variant });
                });

            migrationBuilder.CreateTable(
                name: "PortalPhotos",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Key = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    TenancyId = table.Column<int>(type: "int", nullable: false),
                    DraftId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RepairId = table.Column<int>(type: "int", nullable: true),
                    ContentType = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Width = table.Column<int>(type: "int", nullable: false),
                    Height = table.Column<int>(type: "int", nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DeletedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalPhotos", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PortalPhotos_DeletedAt_ExpiresAt",
                table: "PortalPhotos",
                columns: new[] { "DeletedAt", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PortalPhotos_DraftId",
                table: "PortalPhotos",
                column: "DraftId");

            migrationBuilder.CreateIndex(
                name: "IX_PortalPhotos_Key",
                table: "PortalPhotos",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PortalPhotos_RepairId_DeletedAt",
                table: "PortalPhotos",
                columns: new[] { "RepairId", "DeletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PortalPhotos_TenancyId_UploadedAt",
                table: "PortalPhotos",
                columns: new[] { "TenancyId", "UploadedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PortalPhotoContents");

            migrationBuilder.DropTable(
                name: "PortalPhotos");
        }
    }
}

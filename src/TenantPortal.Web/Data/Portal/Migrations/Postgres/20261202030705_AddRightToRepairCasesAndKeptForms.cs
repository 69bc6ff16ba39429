using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TenantPortal.Web.Data.Portal.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddRightToRepairCasesAndKeptForms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "KeptForms",
                schema: "portal",
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

            migrationBuilder.CreateTable(
                name: "RightToRepairCases",
                schema: "portal",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RepairId = table.Column<int>(type: "integer", nullable: false),
                    TenancyId = table.Column<int>(type: "integer", nullable: false),
                    Defect = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PrescribedWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    SecondContractorRequestedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SecondContractorRequestRecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SecondContractorRequestedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SecondContractorRequestedOnline = table.Column<bool>(type: "boolean", nullable: false),
                    CompensationPaid = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    CompensationPaidAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompensationPaidBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CompensationMethod = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CompensationNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CompensationRentTransactionId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RightToRepairCases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RightToRepairNotices",
                schema: "portal",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    WorksOrder = table.Column<int>(type: "integer", nullable: false),
                    ContractorId = table.Column<int>(type: "integer", nullable: false),
                    ContractorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContractorAddress = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ContractorPhone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    LastDay = table.Column<DateOnly>(type: "date", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IssuedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RightToRepairNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RightToRepairNotices_RightToRepairCases_CaseId",
                        column: x => x.CaseId,
                        principalSchema: "portal",
                        principalTable: "RightToRepairCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KeptForms_ExpiresAt",
                schema: "portal",
                table: "KeptForms",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_KeptForms_OwnerUserId_Path",
                schema: "portal",
                table: "KeptForms",
                columns: new[] { "OwnerUserId", "Path" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RightToRepairCases_RepairId",
                schema: "portal",
                table: "RightToRepairCases",
                column: "RepairId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RightToRepairNotices_CaseId_IssuedAt",
                schema: "portal",
                table: "RightToRepairNotices",
                columns: new[] { "CaseId", "IssuedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KeptForms",
                schema: "portal");

            migrationBuilder.DropTable(
                name: "RightToRepairNotices",
                schema: "portal");

            migrationBuilder.DropTable(
                name: "RightToRepairCases",
                schema: "portal");
        }
    }
}

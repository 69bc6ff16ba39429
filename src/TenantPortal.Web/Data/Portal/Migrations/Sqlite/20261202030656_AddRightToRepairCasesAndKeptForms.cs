using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenantPortal.Web.Data.Portal.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddRightToRepairCasesAndKeptForms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "KeptForms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ProtectedFields = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeptForms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RightToRepairCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RepairId = table.Column<int>(type: "INTEGER", nullable: false),
                    TenancyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Defect = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PrescribedWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    SecondContractorRequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SecondContractorRequestRecordedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SecondContractorRequestedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SecondContractorRequestedOnline = table.Column<bool>(type: "INTEGER", nullable: false),
                    CompensationPaid = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    CompensationPaidAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompensationPaidBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CompensationMethod = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CompensationNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CompensationRentTransactionId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RightToRepairCases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RightToRepairNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    WorksOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    ContractorId = table.Column<int>(type: "INTEGER", nullable: false),
                    ContractorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContractorAddress = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ContractorPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    LastDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RightToRepairNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RightToRepairNotices_RightToRepairCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "RightToRepairCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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

            migrationBuilder.CreateIndex(
                name: "IX_RightToRepairCases_RepairId",
                table: "RightToRepairCases",
                column: "RepairId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RightToRepairNotices_CaseId_IssuedAt",
                table: "RightToRepairNotices",
                columns: new[] { "CaseId", "IssuedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KeptForms");

            migrationBuilder.DropTable(
                name: "RightToRepairNotices");

            migrationBuilder.DropTable(
                name: "RightToRepairCases");
        }
    }
}

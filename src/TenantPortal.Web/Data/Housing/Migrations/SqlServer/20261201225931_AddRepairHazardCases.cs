using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenantPortal.Web.Data.Housing.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddRepairHazardCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RepairHazardCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RepairId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ClassifiedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ClassifiedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ClassificationReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    AwareAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    AwareRecordedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    InvestigatedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    InvestigatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    HazardFound = table.Column<bool>(type: "bit", nullable: true),
                    Findings = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    FurtherWorkNeeded = table.Column<bool>(type: "bit", nullable: false),
                    SummarySentAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SummarySentBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    SummaryText = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    SafetyWorkDoneAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SafetyWorkNotes = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    FurtherWorkStartedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    FurtherWorkNotes = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CancelRequestedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CancelRequestReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    IsOpen = table.Column<bool>(type: "bit", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ClosedReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    NextDueAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    NextStep = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepairHazardCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RepairHazardCases_Repairs_RepairId",
                        column: x => x.RepairId,
                        principalTable: "Repairs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RepairHazardCases_IsOpen_NextDueAt",
                table: "RepairHazardCases",
                columns: new[] { "IsOpen", "NextDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairHazardCases_RepairId",
                table: "RepairHazardCases",
                column: "RepairId",
                unique: true);

            // Hazard repairs recorded before this table: one case each, its clocks from the report (the officer records the rest).
            migrationBuilder.Sql(
                "INSERT INTO RepairHazardCases (RepairId, Kind, ClassifiedAt, ClassifiedBy, AwareAt, AwareRecordedBy, InvestigatedAt, FurtherWorkNeeded, IsOpen, NextDueAt, NextStep) " +
                "SELECT Id, HazardType, ReportedAt, 'Existing record', ReportedAt, 'Existing record', InvestigatedAt, 0, " +
                "CASE WHEN Status IN ('Completed', 'Cancelled') THEN 0 ELSE 1 END, " +
                "CASE WHEN Status IN ('Completed', 'Cancelled') OR InvestigatedAt IS NOT NULL THEN NULL ELSE InvestigateBy END, " +
                "CASE WHEN Status IN ('Completed', 'Cancelled') OR InvestigatedAt IS NOT NULL THEN NULL ELSE 'Investigate' END " +
                "FROM Repairs WHERE IsHazard = 1 AND HazardType <> 'None'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RepairHazardCases");
        }
    }
}

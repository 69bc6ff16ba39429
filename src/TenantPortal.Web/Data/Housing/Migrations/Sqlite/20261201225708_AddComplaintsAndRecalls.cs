using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenantPortal.Web.Data.Housing.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddComplaintsAndRecalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_RepairFeedback_Ratings",
                table: "RepairFeedback");

            migrationBuilder.AddColumn<int>(
                name: "RecallOfRepairId",
                table: "Repairs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Complaints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TenancyId = table.Column<int>(type: "INTEGER", nullable: false),
                    MadeByTenantId = table.Column<int>(type: "INTEGER", nullable: true),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RepairId = table.Column<int>(type: "INTEGER", nullable: true),
                    RelatedReference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OutcomeWanted = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LoggedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LoggedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CurrentStage = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Complaints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Complaints_Repairs_RepairId",
                        column: x => x.RepairId,
                        principalTable: "Repairs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_Tenancies_TenancyId",
                        column: x => x.TenancyId,
                        principalTable: "Tenancies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_Tenants_MadeByTenantId",
                        column: x => x.MadeByTenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintLetters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintLetters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintLetters_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintStages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AcknowledgeBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RespondBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExtensionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ExtensionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RespondedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintStages", x => x.Id);
                    table.CheckConstraint("CK_ComplaintStages_Stage", "[Stage] IN (1, 2)");
                    table.ForeignKey(
                        name: "FK_ComplaintStages_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Repairs_RecallOfRepairId",
                table: "Repairs",
                column: "RecallOfRepairId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_RepairFeedback_Ratings",
                table: "RepairFeedback",
                sql: "[RepairRating] BETWEEN 0 AND 5 AND [TimeRating] BETWEEN 0 AND 5");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintLetters_ComplaintId_At",
                table: "ComplaintLetters",
                columns: new[] { "ComplaintId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_MadeByTenantId",
                table: "Complaints",
                column: "MadeByTenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Reference",
                table: "Complaints",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_RepairId",
                table: "Complaints",
                column: "RepairId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Status_ReceivedAt",
                table: "Complaints",
                columns: new[] { "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_TenancyId_ReceivedAt",
                table: "Complaints",
                columns: new[] { "TenancyId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintStages_ComplaintId_Stage",
                table: "ComplaintStages",
                columns: new[] { "ComplaintId", "Stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintStages_Stage_RequestedAt",
                table: "ComplaintStages",
                columns: new[] { "Stage", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintStages_Stage_RespondedAt",
                table: "ComplaintStages",
                columns: new[] { "Stage", "RespondedAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_Repairs_Repairs_RecallOfRepairId",
                table: "Repairs",
                column: "RecallOfRepairId",
                principalTable: "Repairs",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Repairs_Repairs_RecallOfRepairId",
                table: "Repairs");

            migrationBuilder.DropTable(
                name: "ComplaintLetters");

            migrationBuilder.DropTable(
                name: "ComplaintStages");

            migrationBuilder.DropTable(
                name: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Repairs_RecallOfRepairId",
                table: "Repairs");

            migrationBuilder.DropCheckConstraint(
                name: "CK_RepairFeedback_Ratings",
                table: "RepairFeedback");

            migrationBuilder.DropColumn(
                name: "RecallOfRepairId",
                table: "Repairs");

            migrationBuilder.AddCheckConstraint(
                name: "CK_RepairFeedback_Ratings",
                table: "RepairFeedback",
                sql: "[RepairRating] BETWEEN 1 AND 5 AND [TimeRating] BETWEEN 1 AND 5");
        }
    }
}

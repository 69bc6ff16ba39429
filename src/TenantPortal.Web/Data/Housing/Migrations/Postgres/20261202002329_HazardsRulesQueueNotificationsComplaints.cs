using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TenantPortal.Web.Data.Housing.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HazardsRulesQueueNotificationsComplaints : Migration
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsGas",
                table: "RepairCatalogue",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "RightToRepairDefect",
                table: "RepairCatalogue",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FirstNameKey",
                table: "Tenants",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                computedColumnSql: "lower(\"FirstName\")",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "LastNameKey",
                table: "Tenants",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                computedColumnSql: "lower(\"LastName\")",
                stored: true);

            migrationBuilder.AddColumn<int>(
                name: "PriorityRank",
                table: "Repairs",
                type: "integer",
                nullable: false,
                computedColumnSql: "case \"Priority\" when 'Emergency' then 0 when 'Urgent' then 1 else 2 end",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "AddressKey",
                table: "Properties",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                computedColumnSql: "lower(\"AddressLine1\")",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "PostcodeKey",
                table: "Properties",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true,
                computedColumnSql: "upper(replace(\"Postcode\", ' ', ''))",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "StreetKey",
                table: "Properties",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                computedColumnSql: "lower(ltrim(\"AddressLine1\", '0123456789 '))",
                stored: true);

            migrationBuilder.CreateTable(
                name: "Complaints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TenancyId = table.Column<int>(type: "integer", nullable: false),
                    MadeByTenantId = table.Column<int>(type: "integer", nullable: true),
                    Topic = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RepairId = table.Column<int>(type: "integer", nullable: true),
                    RelatedReference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OutcomeWanted = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LoggedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LoggedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CurrentStage = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                name: "RepairHazardCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RepairId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ClassifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClassifiedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ClassificationReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AwareAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AwareRecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    InvestigatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    InvestigatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    HazardFound = table.Column<bool>(type: "boolean", nullable: true),
                    Findings = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FurtherWorkNeeded = table.Column<bool>(type: "boolean", nullable: false),
                    SummarySentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SummarySentBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SummaryText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SafetyWorkDoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SafetyWorkNotes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FurtherWorkStartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FurtherWorkNotes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CancelRequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelRequestReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    IsOpen = table.Column<bool>(type: "boolean", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    NextDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NextStep = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "ComplaintLetters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ComplaintId = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    SentBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ComplaintId = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AcknowledgeBy = table.Column<DateOnly>(type: "date", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RespondBy = table.Column<DateOnly>(type: "date", nullable: true),
                    ExtensionDays = table.Column<int>(type: "integer", nullable: false),
                    ExtensionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RespondedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Decision = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintStages", x => x.Id);
                    table.CheckConstraint("CK_ComplaintStages_Stage", "\"Stage\" IN (1, 2)");
                    table.ForeignKey(
                        name: "FK_ComplaintStages_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tenants_FirstNameKey",
                table: "Tenants",
                column: "FirstNameKey");

            migrationBuilder.CreateIndex(
                name: "IX_Tenants_HomePhone",
                table: "Tenants",
                column: "HomePhone");

            migrationBuilder.CreateIndex(
                name: "IX_Tenants_LastNameKey",
                table: "Tenants",
                column: "LastNameKey");

            migrationBuilder.CreateIndex(
                name: "IX_Tenants_MobilePhone",
                table: "Tenants",
                column: "MobilePhone");

            migrationBuilder.CreateIndex(
                name: "IX_Repairs_PriorityRank_TargetDate",
                table: "Repairs",
                columns: new[] { "PriorityRank", "TargetDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Repairs_RecallOfRepairId",
                table: "Repairs",
                column: "RecallOfRepairId");

            migrationBuilder.CreateIndex(
                name: "IX_Repairs_Status_TargetDate_PriorityRank",
                table: "Repairs",
                columns: new[] { "Status", "TargetDate", "PriorityRank" });

            migrationBuilder.CreateIndex(
                name: "IX_Repairs_TargetDate_PriorityRank",
                table: "Repairs",
                columns: new[] { "TargetDate", "PriorityRank" });

            migrationBuilder.AddCheckConstraint(
                name: "CK_RepairFeedback_Ratings",
                table: "RepairFeedback",
                sql: "\"RepairRating\" BETWEEN 0 AND 5 AND \"TimeRating\" BETWEEN 0 AND 5");

            migrationBuilder.CreateIndex(
                name: "IX_Properties_AddressKey",
                table: "Properties",
                column: "AddressKey");

            migrationBuilder.CreateIndex(
                name: "IX_Properties_PostcodeKey",
                table: "Properties",
                column: "PostcodeKey");

            migrationBuilder.CreateIndex(
                name: "IX_Properties_StreetKey",
                table: "Properties",
                column: "StreetKey");

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

            migrationBuilder.CreateIndex(
                name: "IX_RepairHazardCases_IsOpen_NextDueAt",
                table: "RepairHazardCases",
                columns: new[] { "IsOpen", "NextDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairHazardCases_RepairId",
                table: "RepairHazardCases",
                column: "RepairId",
                unique: true);

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
                name: "RepairHazardCases");

            migrationBuilder.DropTable(
                name: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Tenants_FirstNameKey",
                table: "Tenants");

            migrationBuilder.DropIndex(
                name: "IX_Tenants_HomePhone",
                table: "Tenants");

            migrationBuilder.DropIndex(
                name: "IX_Tenants_LastNameKey",
                table: "Tenants");

            migrationBuilder.DropIndex(
                name: "IX_Tenants_MobilePhone",
                table: "Tenants");

            migrationBuilder.DropIndex(
                name: "IX_Repairs_PriorityRank_TargetDate",
                table: "Repairs");

            migrationBuilder.DropIndex(
                name: "IX_Repairs_RecallOfRepairId",
                table: "Repairs");

            migrationBuilder.DropIndex(
                name: "IX_Repairs_Status_TargetDate_PriorityRank",
                table: "Repairs");

            migrationBuilder.DropIndex(
                name: "IX_Repairs_TargetDate_PriorityRank",
                table: "Repairs");

            migrationBuilder.DropCheckConstraint(
                name: "CK_RepairFeedback_Ratings",
                table: "RepairFeedback");

            migrationBuilder.DropIndex(
                name: "IX_Properties_AddressKey",
                table: "Properties");

            migrationBuilder.DropIndex(
                name: "IX_Properties_PostcodeKey",
                table: "Properties");

            migrationBuilder.DropIndex(
                name: "IX_Properties_StreetKey",
                table: "Properties");

            migrationBuilder.DropColumn(
                name: "FirstNameKey",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "LastNameKey",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "PriorityRank",
                table: "Repairs");

            migrationBuilder.DropColumn(
                name: "AddressKey",
                table: "Properties");

            migrationBuilder.DropColumn(
                name: "PostcodeKey",
                table: "Properties");

            migrationBuilder.DropColumn(
                name: "StreetKey",
                table: "Properties");

            migrationBuilder.DropColumn(
                name: "RecallOfRepairId",
                table: "Repairs");

            migrationBuilder.DropColumn(
                name: "IsGas",
                table: "RepairCatalogue");

            migrationBuilder.DropColumn(
                name: "RightToRepairDefect",
                table: "RepairCatalogue");

            migrationBuilder.AddCheckConstraint(
                name: "CK_RepairFeedback_Ratings",
                table: "RepairFeedback",
                sql: "\"RepairRating\" BETWEEN 1 AND 5 AND \"TimeRating\" BETWEEN 1 AND 5");
        }
    }
}

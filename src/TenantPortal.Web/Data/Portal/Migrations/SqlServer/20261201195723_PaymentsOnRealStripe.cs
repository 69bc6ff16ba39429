using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenantPortal.Web.Data.Portal.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PaymentsOnRealStripe : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FailureReason",
                table: "PaymentRefunds",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastCheckedAt",
                table: "PaymentRefunds",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "PaymentRefunds",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "PaymentRefunds",
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReversalTransactionId",
                table: "PaymentRefunds",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CheckoutUiMode",
                table: "PaymentAttempts",
                type: "nvarchar(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EmbeddedExpiresAt",
                table: "PaymentAttempts",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HostedExpiresAt",
                table: "PaymentAttempts",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ProviderClosedAt",
                table: "PaymentAttempts",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PaymentDisputes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    PaymentAttemptId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReversalTransactionId = table.Column<long>(type: "bigint", nullable: true),
                    RecreditTransactionId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentDisputes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentDisputes_PaymentAttempts_PaymentAttemptId",
                        column: x => x.PaymentAttemptId,
                        principalTable: "PaymentAttempts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentRefunds_Status_RequestedAt",
                table: "PaymentRefunds",
                columns: new[] { "Status", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentAttempts_ProviderPaymentIntentId",
                table: "PaymentAttempts",
                column: "ProviderPaymentIntentId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentDisputes_PaymentAttemptId",
                table: "PaymentDisputes",
                column: "PaymentAttemptId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PaymentDisputes");

            migrationBuilder.DropIndex(
                name: "IX_PaymentRefunds_Status_RequestedAt",
                table: "PaymentRefunds");

            migrationBuilder.DropIndex(
                name: "IX_PaymentAttempts_ProviderPaymentIntentId",
                table: "PaymentAttempts");

            migrationBuilder.DropColumn(
                name: "FailureReason",
                table: "PaymentRefunds");

            migrationBuilder.DropColumn(
                name: "LastCheckedAt",
                table: "PaymentRefunds");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "PaymentRefunds");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "PaymentRefunds");

            migrationBuilder.DropColumn(
                name: "ReversalTransactionId",
                table: "PaymentRefunds");

            migrationBuilder.DropColumn(
                name: "CheckoutUiMode",
                table: "PaymentAttempts");

            migrationBuilder.DropColumn(
                name: "EmbeddedExpiresAt",
                table: "PaymentAttempts");

            migrationBuilder.DropColumn(
                name: "HostedExpiresAt",
                table: "PaymentAttempts");

            migrationBuilder.DropColumn(
                name: "ProviderClosedAt",
                table: "PaymentAttempts");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TenantPortal.Web.Data.Housing.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class QueueSearchKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FirstNameKey",
                table: "Tenants",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true,
                computedColumnSql: "lower([FirstName])",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "LastNameKey",
                table: "Tenants",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true,
                computedColumnSql: "lower([LastName])",
                stored: true);

            migrationBuilder.AddColumn<int>(
                name: "PriorityRank",
                table: "Repairs",
                type: "int",
                nullable: false,
                computedColumnSql: "case [Priority] when 'Emergency' then 0 when 'Urgent' then 1 else 2 end",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "AddressKey",
                table: "Properties",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true,
                computedColumnSql: "lower([AddressLine1])",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "PostcodeKey",
                table: "Properties",
                type: "nvarchar(10)",
                maxLength: 10,
                nullable: true,
                computedColumnSql: "upper(replace([Postcode], ' ', ''))",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "StreetKey",
                table: "Properties",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true,
                computedColumnSql: "lower(ltrim(substring([AddressLine1], patindex('%[^0-9 ]%', [AddressLine1] + 'x'), 200)))",
                stored: true);

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
                name: "IX_Repairs_Status_TargetDate_PriorityRank",
                table: "Repairs",
                columns: new[] { "Status", "TargetDate", "PriorityRank" });

            migrationBuilder.CreateIndex(
                name: "IX_Repairs_TargetDate_PriorityRank",
                table: "Repairs",
                columns: new[] { "TargetDate", "PriorityRank" });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "IX_Repairs_Status_TargetDate_PriorityRank",
                table: "Repairs");

            migrationBuilder.DropIndex(
                name: "IX_Repairs_TargetDate_PriorityRank",
                table: "Repairs");

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
        }
    }
}

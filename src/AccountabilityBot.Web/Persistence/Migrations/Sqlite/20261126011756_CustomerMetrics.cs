using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountabilityBot.Web.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CustomerMetrics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Money moves from TEXT decimals to INTEGER minor units (cents); convert what is already stored.
            migrationBuilder.Sql("UPDATE \"CustomerEvents\" SET \"AnnualValue\" = CAST(ROUND(CAST(\"AnnualValue\" AS REAL) * 100) AS INTEGER);");
            migrationBuilder.Sql("UPDATE \"Resolutions\" SET \"Cost\" = CAST(ROUND(CAST(\"Cost\" AS REAL) * 100) AS INTEGER) WHERE \"Cost\" IS NOT NULL;");

            migrationBuilder.DropIndex(
                name: "IX_CustomerEvents_Kind_OccurredOn",
                table: "CustomerEvents");

            migrationBuilder.AlterColumn<long>(
                name: "Cost",
                table: "Resolutions",
                type: "INTEGER",
                precision: 18,
                scale: 2,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldScale: 2,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "AnnualValue",
                table: "CustomerEvents",
                type: "INTEGER",
                precision: 18,
                scale: 2,
                nullable: false,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldScale: 2);

            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LookupId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SecretHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<int>(type: "INTEGER", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerEvents_Metrics",
                table: "CustomerEvents",
                columns: new[] { "Kind", "OccurredOn", "AnnualValue", "CustomerId", "Reason" });

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_LookupId",
                table: "ApiKeys",
                column: "LookupId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_Name",
                table: "ApiKeys",
                column: "Name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropIndex(
                name: "IX_CustomerEvents_Metrics",
                table: "CustomerEvents");

            migrationBuilder.AlterColumn<decimal>(
                name: "Cost",
                table: "Resolutions",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldPrecision: 18,
                oldScale: 2,
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "AnnualValue",
                table: "CustomerEvents",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldPrecision: 18,
                oldScale: 2);

            migrationBuilder.CreateIndex(
                name: "IX_CustomerEvents_Kind_OccurredOn",
                table: "CustomerEvents",
                columns: new[] { "Kind", "OccurredOn" });
        }
    }
}

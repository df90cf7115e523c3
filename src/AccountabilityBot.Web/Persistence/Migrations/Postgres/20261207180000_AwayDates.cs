using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountabilityBot.Web.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AwayDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "NotBefore",
                table: "OutboundMessages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AwayFrom",
                table: "Members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AwayUntil",
                table: "Members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "QuietFrom",
                table: "Members",
                type: "time without time zone",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "QuietUntil",
                table: "Members",
                type: "time without time zone",
                nullable: true);

            // Whoever was away stays away, open-ended (until `me back`), from the day of the upgrade.
            migrationBuilder.Sql("""UPDATE "Members" SET "AwayFrom" = CURRENT_DATE WHERE "IsAway";""");

            migrationBuilder.DropColumn(
                name: "IsAway",
                table: "Members");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsAway",
                table: "Members",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Any time away, dated or not, goes back as the flag.
            migrationBuilder.Sql("""UPDATE "Members" SET "IsAway" = "AwayFrom" IS NOT NULL;""");

            migrationBuilder.DropColumn(
                name: "NotBefore",
                table: "OutboundMessages");

            migrationBuilder.DropColumn(
                name: "AwayFrom",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "AwayUntil",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "QuietFrom",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "QuietUntil",
                table: "Members");
        }
    }
}

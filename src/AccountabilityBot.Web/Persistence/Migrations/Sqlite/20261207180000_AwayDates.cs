using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountabilityBot.Web.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AwayFrom",
                table: "Members",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AwayUntil",
                table: "Members",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "QuietFrom",
                table: "Members",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "QuietUntil",
                table: "Members",
                type: "TEXT",
                nullable: true);

            // Whoever was away stays away, open-ended (until `me back`), from the day of the upgrade.
            migrationBuilder.Sql("""UPDATE "Members" SET "AwayFrom" = date('now') WHERE "IsAway" = 1;""");

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
                type: "INTEGER",
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountabilityBot.Web.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ResolutionTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ResolutionTallies",
                columns: table => new
                {
                    Hour = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResolutionTallies", x => x.Hour);
                });

            // Hand-written: the tally is kept by the database, so every writer counts (the demo data, the handler).
            // BEFORE triggers, because EF's INSERT ... RETURNING cannot be used on a table with AFTER triggers. A
            // statement that fails undoes its trigger's change too. Instants are TEXT 'yyyy-MM-dd HH:mm:ss.fffffff'
            // here, so the first 13 characters name the hour, written as EF writes a whole hour.
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Resolutions_TallyInsert" BEFORE INSERT ON "Resolutions"
                BEGIN {Count("NEW")} END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Resolutions_TallyDelete" BEFORE DELETE ON "Resolutions"
                BEGIN {Uncount("OLD")} END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Resolutions_TallyMove" BEFORE UPDATE OF "At" ON "Resolutions"
                BEGIN {Uncount("OLD")} {Count("NEW")} END;
                """);
            migrationBuilder.Sql($"""
                INSERT INTO "ResolutionTallies" ("Hour", "Count")
                SELECT {HourOf("Resolutions")}, COUNT(*) FROM "Resolutions" GROUP BY 1;
                """);
        }

        static string HourOf(string row) => $"""substr({row}."At", 1, 13) || ':00:00'""";

        static string Count(string row) =>
            $"""INSERT INTO "ResolutionTallies" ("Hour", "Count") VALUES ({HourOf(row)}, 1) ON CONFLICT ("Hour") DO UPDATE SET "Count" = "Count" + 1;""";

        static string Uncount(string row) =>
            $"""UPDATE "ResolutionTallies" SET "Count" = "Count" - 1 WHERE "Hour" = {HourOf(row)};""";

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"Resolutions_TallyInsert\";");
            migrationBuilder.Sql("DROP TRIGGER \"Resolutions_TallyDelete\";");
            migrationBuilder.Sql("DROP TRIGGER \"Resolutions_TallyMove\";");
            migrationBuilder.DropTable(
                name: "ResolutionTallies");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountabilityBot.Web.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// The daily roll-up of customer events (CustomerDayTotals), kept by triggers so every writer counts (the importer's
    /// prepared statements, EF, the demo), filled here for the events already stored; and the frontline's index widened
    /// to cover its sums by stage and person.
    /// </summary>
    public partial class CustomerDayTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Resolutions_At",
                table: "Resolutions");

            // Hand-written for WITHOUT ROWID: the rows are stored in key order, so a range of days is read from the key
            // alone, with no lookup of each row by rowid. Columns as EF's model has them (money in minor units).
            migrationBuilder.Sql("""
                CREATE TABLE "CustomerDayTotals" (
                    "Day" TEXT NOT NULL,
                    "Kind" TEXT NOT NULL,
                    "GroupId" INTEGER NOT NULL,
                    "Reason" TEXT NOT NULL,
                    "Share" INTEGER NOT NULL,
                    "Count" INTEGER NOT NULL,
                    "Value" INTEGER NOT NULL,
                    CONSTRAINT "PK_CustomerDayTotals" PRIMARY KEY ("Day", "Kind", "GroupId", "Reason", "Share")
                ) WITHOUT ROWID;
                """);

            // AFTER triggers: an upsert that ends in an update fires BEFORE INSERT triggers too (SQLite), so a BEFORE INSERT
            // trigger would count a re-imported event twice. An update counts only when a summed column changed, so
            // re-importing the same rows writes nothing here. A customer moved to another group takes its events along.
            migrationBuilder.Sql($"""
                CREATE TRIGGER "CustomerEvents_DayTotalsInsert" AFTER INSERT ON "CustomerEvents"
                BEGIN {Add("NEW", "")} END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "CustomerEvents_DayTotalsDelete" AFTER DELETE ON "CustomerEvents"
                BEGIN {Add("OLD", "-")} END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "CustomerEvents_DayTotalsUpdate"
                AFTER UPDATE OF "CustomerId", "Kind", "OccurredOn", "AnnualValue", "Reason" ON "CustomerEvents"
                WHEN OLD."CustomerId" IS NOT NEW."CustomerId" OR OLD."Kind" IS NOT NEW."Kind" OR OLD."OccurredOn" IS NOT NEW."OccurredOn"
                    OR OLD."AnnualValue" IS NOT NEW."AnnualValue" OR OLD."Reason" IS NOT NEW."Reason"
                BEGIN {Add("OLD", "-")} {Add("NEW", "")} END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Customers_DayTotalsMove" AFTER UPDATE OF "GroupId" ON "Customers"
                WHEN OLD."GroupId" IS NOT NEW."GroupId"
                BEGIN {Move("OLD", "-")} {Move("NEW", "")} END;
                """);
            migrationBuilder.Sql($"""
                INSERT INTO "CustomerDayTotals" ({Columns})
                SELECT e."OccurredOn", e."Kind", COALESCE(c."GroupId", 0), {Reason("e")}, 0, COUNT(*), SUM(e."AnnualValue")
                FROM "CustomerEvents" e LEFT JOIN "Customers" c ON c."Id" = e."CustomerId"
                WHERE true GROUP BY 1, 2, 3, 4;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Resolutions_At",
                table: "Resolutions",
                columns: new[] { "At", "StageId", "ById", "Cost" });
        }

        const string Columns = "\"Day\", \"Kind\", \"GroupId\", \"Reason\", \"Share\", \"Count\", \"Value\"";

        const string AddUp = """
            ON CONFLICT ("Day", "Kind", "GroupId", "Reason", "Share")
            DO UPDATE SET "Count" = "Count" + excluded."Count", "Value" = "Value" + excluded."Value";
            """;

        /// <summary>Only the reasons shown are kept (lost and renewed), so won and referred events make fewer rows.</summary>
        internal static string Reason(string row) => $"""CASE WHEN {row}."Kind" IN ('Lost', 'Renewed') THEN COALESCE({row}."Reason", '') ELSE '' END""";

        static string Add(string row, string sign) => $"""
            INSERT INTO "CustomerDayTotals" ({Columns})
            VALUES ({row}."OccurredOn", {row}."Kind", COALESCE((SELECT c."GroupId" FROM "Customers" c WHERE c."Id" = {row}."CustomerId"), 0),
                {Reason(row)}, 0, {sign}1, {sign}{row}."AnnualValue")
            {AddUp}
            """;

        static string Move(string customer, string sign) => $"""
            INSERT INTO "CustomerDayTotals" ({Columns})
            SELECT e."OccurredOn", e."Kind", COALESCE({customer}."GroupId", 0), {Reason("e")}, 0, {sign}COUNT(*), {sign}SUM(e."AnnualValue")
            FROM "CustomerEvents" e WHERE e."CustomerId" = NEW."Id" GROUP BY 1, 2, 3, 4
            {AddUp}
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"CustomerEvents_DayTotalsInsert\";");
            migrationBuilder.Sql("DROP TRIGGER \"CustomerEvents_DayTotalsDelete\";");
            migrationBuilder.Sql("DROP TRIGGER \"CustomerEvents_DayTotalsUpdate\";");
            migrationBuilder.Sql("DROP TRIGGER \"Customers_DayTotalsMove\";");
            migrationBuilder.DropTable(
                name: "CustomerDayTotals");

            migrationBuilder.DropIndex(
                name: "IX_Resolutions_At",
                table: "Resolutions");

            migrationBuilder.CreateIndex(
                name: "IX_Resolutions_At",
                table: "Resolutions",
                column: "At");
        }
    }
}

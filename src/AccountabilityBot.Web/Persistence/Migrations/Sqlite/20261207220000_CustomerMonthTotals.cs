using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountabilityBot.Web.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// The monthly roll-up of customer events (CustomerMonthTotals) beside the daily one, so a range of years reads its
    /// whole months from it and only the days at its edges from CustomerDayTotals. The daily roll-up's triggers are made
    /// again (same names) to count every change into both, and the months are filled from the days.
    /// </summary>
    public partial class CustomerMonthTotals : Migration
    {
        /// <summary>A roll-up the triggers count into: its table, its period column, and the SQL for the period of a day.</summary>
        sealed record RollUp(string Table, string Period, Func<string, string> PeriodOf);

        static readonly RollUp Days = new("CustomerDayTotals", "Day", day => day);
        static readonly RollUp Months = new("CustomerMonthTotals", "Month", day => $"date({day}, 'start of month')");

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // WITHOUT ROWID, as the daily roll-up: a range of months is read from the key alone.
            migrationBuilder.Sql("""
                CREATE TABLE "CustomerMonthTotals" (
                    "Month" TEXT NOT NULL,
                    "Kind" TEXT NOT NULL,
                    "GroupId" INTEGER NOT NULL,
                    "Reason" TEXT NOT NULL,
                    "Share" INTEGER NOT NULL,
                    "Count" INTEGER NOT NULL,
                    "Value" INTEGER NOT NULL,
                    CONSTRAINT "PK_CustomerMonthTotals" PRIMARY KEY ("Month", "Kind", "GroupId", "Reason", "Share")
                ) WITHOUT ROWID;
                """);
            DropTriggers(migrationBuilder);
            CreateTriggers(migrationBuilder, Days, Months);
            migrationBuilder.Sql($"""
                INSERT INTO "CustomerMonthTotals" ({Columns(Months)})
                SELECT {Months.PeriodOf("\"Day\"")}, "Kind", "GroupId", "Reason", 0, SUM("Count"), SUM("Value")
                FROM "CustomerDayTotals" GROUP BY 1, 2, 3, 4 HAVING SUM("Count") <> 0 OR SUM("Value") <> 0;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            DropTriggers(migrationBuilder);
            CreateTriggers(migrationBuilder, Days);
            migrationBuilder.DropTable(
                name: "CustomerMonthTotals");
        }

        static void DropTriggers(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
            DROP TRIGGER "CustomerEvents_DayTotalsInsert";
            DROP TRIGGER "CustomerEvents_DayTotalsDelete";
            DROP TRIGGER "CustomerEvents_DayTotalsUpdate";
            DROP TRIGGER "Customers_DayTotalsMove";
            """);

        /// <summary>The daily roll-up's triggers (see <see cref="CustomerDayTotals"/> for why they are as they are), counting into each roll-up.</summary>
        static void CreateTriggers(MigrationBuilder migrationBuilder, params RollUp[] rollUps)
        {
            string Each(Func<RollUp, string> statements) => string.Join("\n", rollUps.Select(statements));
            migrationBuilder.Sql($"""
                CREATE TRIGGER "CustomerEvents_DayTotalsInsert" AFTER INSERT ON "CustomerEvents"
                BEGIN {Each(r => Add(r, "NEW", ""))} END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "CustomerEvents_DayTotalsDelete" AFTER DELETE ON "CustomerEvents"
                BEGIN {Each(r => Add(r, "OLD", "-"))} END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "CustomerEvents_DayTotalsUpdate"
                AFTER UPDATE OF "CustomerId", "Kind", "OccurredOn", "AnnualValue", "Reason" ON "CustomerEvents"
                WHEN OLD."CustomerId" IS NOT NEW."CustomerId" OR OLD."Kind" IS NOT NEW."Kind" OR OLD."OccurredOn" IS NOT NEW."OccurredOn"
                    OR OLD."AnnualValue" IS NOT NEW."AnnualValue" OR OLD."Reason" IS NOT NEW."Reason"
                BEGIN {Each(r => Add(r, "OLD", "-") + Add(r, "NEW", ""))} END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Customers_DayTotalsMove" AFTER UPDATE OF "GroupId" ON "Customers"
                WHEN OLD."GroupId" IS NOT NEW."GroupId"
                BEGIN {Each(r => Move(r, "OLD", "-") + Move(r, "NEW", ""))} END;
                """);
        }

        static string Columns(RollUp r) => $"""
            "{r.Period}", "Kind", "GroupId", "Reason", "Share", "Count", "Value"
            """;

        static string AddUp(RollUp r) => $"""
            ON CONFLICT ("{r.Period}", "Kind", "GroupId", "Reason", "Share")
            DO UPDATE SET "Count" = "Count" + excluded."Count", "Value" = "Value" + excluded."Value";
            """;

        static string Add(RollUp r, string row, string sign) => $"""
            INSERT INTO "{r.Table}" ({Columns(r)})
            VALUES ({r.PeriodOf($"{row}.\"OccurredOn\"")}, {row}."Kind",
                COALESCE((SELECT c."GroupId" FROM "Customers" c WHERE c."Id" = {row}."CustomerId"), 0),
                {CustomerDayTotals.Reason(row)}, 0, {sign}1, {sign}{row}."AnnualValue")
            {AddUp(r)}
            """;

        static string Move(RollUp r, string customer, string sign) => $"""
            INSERT INTO "{r.Table}" ({Columns(r)})
            SELECT {r.PeriodOf("e.\"OccurredOn\"")}, e."Kind", COALESCE({customer}."GroupId", 0), {CustomerDayTotals.Reason("e")}, 0,
                {sign}COUNT(*), {sign}SUM(e."AnnualValue")
            FROM "CustomerEvents" e WHERE e."CustomerId" = NEW."Id" GROUP BY 1, 2, 3, 4
            {AddUp(r)}
            """;
    }
}

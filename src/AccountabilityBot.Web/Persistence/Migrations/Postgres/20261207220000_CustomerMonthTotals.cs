using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountabilityBot.Web.Persistence.Migrations.Postgres
{
    /// <summary>
    /// The monthly roll-up of customer events (CustomerMonthTotals) beside the daily one, so a range of years reads its
    /// whole months from it and only the days at its edges from CustomerDayTotals. The daily roll-up's trigger functions
    /// are replaced (same names, same triggers) to count each statement into both, in the same share, and the months are
    /// filled from the days.
    /// </summary>
    public partial class CustomerMonthTotals : Migration
    {
        /// <summary>A roll-up the triggers count into: its table, its period column, and the SQL for the period of a day.</summary>
        internal sealed record RollUp(string Table, string Period, Func<string, string> PeriodOf);

        internal static readonly RollUp Days = new("CustomerDayTotals", "Day", day => day);
        internal static readonly RollUp Months = new("CustomerMonthTotals", "Month", day => $"date_trunc('month', {day}::timestamp)::date");

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CustomerMonthTotals",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    GroupId = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Share = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerMonthTotals", x => new { x.Month, x.Kind, x.GroupId, x.Reason, x.Share });
                });
            migrationBuilder.Sql(Functions(Days, Months));
            migrationBuilder.Sql($"""
                INSERT INTO "CustomerMonthTotals" ({Columns(Months)})
                SELECT {Months.PeriodOf("\"Day\"")}, "Kind", "GroupId", "Reason", 0, SUM("Count"), SUM("Value")
                FROM "CustomerDayTotals" GROUP BY 1, 2, 3, 4 HAVING SUM("Count") <> 0 OR SUM("Value") <> 0;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Functions(Days));
            migrationBuilder.DropTable(
                name: "CustomerMonthTotals");
        }

        internal static string Functions(params RollUp[] rollUps) => Functions(days => CountInto(rollUps, days));

        /// <summary>
        /// The daily roll-up's trigger functions (see <see cref="CustomerDayTotals"/> for why they are as they are), each
        /// statement's changes summed by day once (the SQL given to <paramref name="count"/>), then counted by it.
        /// </summary>
        internal static string Functions(Func<string, string> count) => $$"""
            CREATE OR REPLACE FUNCTION "CustomerEvents_DayTotals"() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                share integer := 0;
            BEGIN
                {{CustomerDayTotals.ClaimShare}}
                IF TG_OP = 'INSERT' THEN
                    {{count(EventDays("SELECT *, 1 AS n, \"AnnualValue\" AS v FROM new_rows"))}}
                ELSIF TG_OP = 'DELETE' THEN
                    {{count(EventDays("SELECT *, -1 AS n, -\"AnnualValue\" AS v FROM old_rows"))}}
                ELSE
                    {{count(EventDays("SELECT *, 1 AS n, \"AnnualValue\" AS v FROM new_rows UNION ALL SELECT *, -1, -\"AnnualValue\" FROM old_rows"))}}
                END IF;
                RETURN NULL;
            END
            $$;
            CREATE OR REPLACE FUNCTION "Customers_DayTotals"() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                share integer := 0;
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n."Id" = o."Id" WHERE o."GroupId" IS DISTINCT FROM n."GroupId") THEN
                    RETURN NULL;
                END IF;
                {{CustomerDayTotals.ClaimShare}}
                {{count(MovedDays)}}
                RETURN NULL;
            END
            $$;
            """;

        /// <summary>Rows with their sign (n) and signed value (v), summed by day, kind, group and reason.</summary>
        static string EventDays(string rows) => $"""
            SELECT e."OccurredOn" AS day, e."Kind" AS kind, COALESCE(c."GroupId", 0) AS group_id, {CustomerDayTotals.Reason("e")} AS reason,
                        SUM(e.n) AS n, SUM(e.v) AS v
                    FROM ({rows}) AS e LEFT JOIN "Customers" c ON c."Id" = e."CustomerId"
                    GROUP BY 1, 2, 3, 4
            """;

        /// <summary>The events of the customers whose group changed: out of the old group (n = -1), into the new one.</summary>
        static readonly string MovedDays = $"""
            SELECT e."OccurredOn" AS day, e."Kind" AS kind, g.id AS group_id, {CustomerDayTotals.Reason("e")} AS reason,
                        SUM(g.n) AS n, SUM(g.n * e."AnnualValue") AS v
                    FROM old_rows o JOIN new_rows c ON c."Id" = o."Id" AND o."GroupId" IS DISTINCT FROM c."GroupId"
                    JOIN "CustomerEvents" e ON e."CustomerId" = c."Id"
                    CROSS JOIN LATERAL (VALUES (COALESCE(o."GroupId", 0), -1), (COALESCE(c."GroupId", 0), 1)) AS g(id, n)
                    GROUP BY 1, 2, 3, 4
            """;

        /// <summary>One statement: the day sums read once, each roll-up's insert a data-modifying part of its WITH.</summary>
        internal static string CountInto(RollUp[] rollUps, string days) =>
            $"WITH days AS ({days})"
            + string.Concat(rollUps[..^1].Select((r, i) => $",\n        counted_{i} AS ({Add(r)})"))
            + $"\n        {Add(rollUps[^1])};";

        /// <summary>The day sums of this statement, by the roll-up's period, into its share.</summary>
        internal static string Add(RollUp r) => $"""
            INSERT INTO "{r.Table}" ({Columns(r)})
                    SELECT {r.PeriodOf("day")}, kind, group_id, reason, share, SUM(n), SUM(v) FROM days
                    GROUP BY 1, 2, 3, 4 HAVING SUM(n) <> 0 OR SUM(v) <> 0
                    ON CONFLICT ("{r.Period}", "Kind", "GroupId", "Reason", "Share")
                    DO UPDATE SET "Count" = "{r.Table}"."Count" + excluded."Count", "Value" = "{r.Table}"."Value" + excluded."Value"
            """;

        static string Columns(RollUp r) => $"""
            "{r.Period}", "Kind", "GroupId", "Reason", "Share", "Count", "Value"
            """;
    }
}

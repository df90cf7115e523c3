using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountabilityBot.Web.Persistence.Migrations.Postgres
{
    /// <summary>
    /// The daily roll-up of customer events (CustomerDayTotals), kept by statement triggers so every writer counts (the
    /// importer's batch upserts, EF), filled here for the events already stored; and the frontline's index widened to cover
    /// its sums by stage and person. As with the resolution tally's shares, each statement counts into the first share no
    /// other open transaction holds (a transaction-level advisory lock tried without waiting), so a long import never
    /// holds a row a chat command has to wait for.
    /// </summary>
    public partial class CustomerDayTotals : Migration
    {
        /// <summary>Any fixed number, the same in every instance, not the resolution tally's: the share locks' first key.</summary>
        const int ShareLocks = 0x7a12;

        /// <summary>More shares than writers ever run at once.</summary>
        const int Shares = 64;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Resolutions_At",
                table: "Resolutions");

            migrationBuilder.CreateTable(
                name: "CustomerDayTotals",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    GroupId = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Share = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerDayTotals", x => new { x.Day, x.Kind, x.GroupId, x.Reason, x.Share });
                });

            // Statement triggers with transition tables: a batch of thousands of events is summed by day, kind, group and
            // reason first, then counted in one upsert. An INSERT ... ON CONFLICT DO UPDATE fires both the insert trigger
            // (the rows it inserted) and the update trigger (the rows it updated). An update counts its old rows out and its
            // new rows in, so rows that did not change cancel and write nothing. Transition tables cannot name columns
            // ("UPDATE OF"), nor serve more than one event per trigger, hence three triggers on one function.
            migrationBuilder.Sql($$"""
                CREATE FUNCTION "CustomerEvents_DayTotals"() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    share integer := 0;
                BEGIN
                    {{ClaimShare}}
                    IF TG_OP = 'INSERT' THEN
                        {{Count("SELECT *, 1 AS n, \"AnnualValue\" AS v FROM new_rows")}}
                    ELSIF TG_OP = 'DELETE' THEN
                        {{Count("SELECT *, -1 AS n, -\"AnnualValue\" AS v FROM old_rows")}}
                    ELSE
                        {{Count("SELECT *, 1 AS n, \"AnnualValue\" AS v FROM new_rows UNION ALL SELECT *, -1, -\"AnnualValue\" FROM old_rows")}}
                    END IF;
                    RETURN NULL;
                END
                $$;
                CREATE TRIGGER "CustomerEvents_DayTotalsInsert" AFTER INSERT ON "CustomerEvents"
                    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "CustomerEvents_DayTotals"();
                CREATE TRIGGER "CustomerEvents_DayTotalsUpdate" AFTER UPDATE ON "CustomerEvents"
                    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "CustomerEvents_DayTotals"();
                CREATE TRIGGER "CustomerEvents_DayTotalsDelete" AFTER DELETE ON "CustomerEvents"
                    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "CustomerEvents_DayTotals"();
                """);
            // A customer moved to another group takes its events along: out of the old group, into the new one.
            migrationBuilder.Sql($$"""
                CREATE FUNCTION "Customers_DayTotals"() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    share integer := 0;
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n."Id" = o."Id" WHERE o."GroupId" IS DISTINCT FROM n."GroupId") THEN
                        RETURN NULL;
                    END IF;
                    {{ClaimShare}}
                    INSERT INTO "CustomerDayTotals" ({{Columns}})
                    SELECT e."OccurredOn", e."Kind", g.id, {{Reason("e")}}, share, SUM(g.n), SUM(g.n * e."AnnualValue")
                    FROM old_rows o JOIN new_rows c ON c."Id" = o."Id" AND o."GroupId" IS DISTINCT FROM c."GroupId"
                    JOIN "CustomerEvents" e ON e."CustomerId" = c."Id"
                    CROSS JOIN LATERAL (VALUES (COALESCE(o."GroupId", 0), -1), (COALESCE(c."GroupId", 0), 1)) AS g(id, n)
                    GROUP BY 1, 2, 3, 4
                    {{AddUp}}
                    RETURN NULL;
                END
                $$;
                CREATE TRIGGER "Customers_DayTotals" AFTER UPDATE ON "Customers"
                    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "Customers_DayTotals"();
                """);
            migrationBuilder.Sql($"""
                INSERT INTO "CustomerDayTotals" ({Columns})
                SELECT e."OccurredOn", e."Kind", COALESCE(c."GroupId", 0), {Reason("e")}, 0, COUNT(*), SUM(e."AnnualValue")
                FROM "CustomerEvents" e LEFT JOIN "Customers" c ON c."Id" = e."CustomerId"
                GROUP BY 1, 2, 3, 4;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Resolutions_At",
                table: "Resolutions",
                columns: new[] { "At", "StageId", "ById", "Cost" });
        }

        const string Columns = "\"Day\", \"Kind\", \"GroupId\", \"Reason\", \"Share\", \"Count\", \"Value\"";

        /// <summary>
        /// The first share no other open transaction holds (share 0, waiting for its rows, if all are held), kept to the
        /// transaction's end; a transaction keeps counting into the share it holds (the lock is re-entrant).
        /// </summary>
        internal static readonly string ClaimShare = $"""
            WHILE share < {Shares} AND NOT pg_try_advisory_xact_lock({ShareLocks}, share) LOOP
                        share := share + 1;
                    END LOOP;
                    IF share = {Shares} THEN
                        share := 0;
                    END IF;
            """;

        const string AddUp = """
            ON CONFLICT ("Day", "Kind", "GroupId", "Reason", "Share")
            DO UPDATE SET "Count" = "CustomerDayTotals"."Count" + excluded."Count", "Value" = "CustomerDayTotals"."Value" + excluded."Value";
            """;

        /// <summary>Only the reasons shown are kept (lost and renewed), so won and referred events make fewer rows.</summary>
        internal static string Reason(string row) => $"""CASE WHEN {row}."Kind" IN ('Lost', 'Renewed') THEN COALESCE({row}."Reason", '') ELSE '' END""";

        /// <summary>Rows with their sign (n) and signed value (v), summed per key into this statement's share.</summary>
        static string Count(string rows) => $"""
            INSERT INTO "CustomerDayTotals" ({Columns})
                    SELECT e."OccurredOn", e."Kind", COALESCE(c."GroupId", 0), {Reason("e")}, share, SUM(e.n), SUM(e.v)
                    FROM ({rows}) AS e LEFT JOIN "Customers" c ON c."Id" = e."CustomerId"
                    GROUP BY 1, 2, 3, 4 HAVING SUM(e.n) <> 0 OR SUM(e.v) <> 0
                    {AddUp}
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "CustomerEvents_DayTotalsInsert" ON "CustomerEvents";
                DROP TRIGGER "CustomerEvents_DayTotalsUpdate" ON "CustomerEvents";
                DROP TRIGGER "CustomerEvents_DayTotalsDelete" ON "CustomerEvents";
                DROP FUNCTION "CustomerEvents_DayTotals"();
                DROP TRIGGER "Customers_DayTotals" ON "Customers";
                DROP FUNCTION "Customers_DayTotals"();
                """);
            migrationBuilder.DropTable(
                name: "CustomerDayTotals");

            migrationBuilder.DropIndex(
                name: "IX_Resolutions_At",
                table: "Resolutions");

            migrationBuilder.CreateIndex(
                name: "IX_Resolutions_At",
                table: "Resolutions",
                columns: new[] { "At" });
        }
    }
}

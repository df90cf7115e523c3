using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountabilityBot.Web.Persistence.Migrations.Postgres
{
    /// <summary>
    /// An import counts its months once, at its end. An import is one transaction of hundreds of statements, and each
    /// one's trigger updated nearly every row of the monthly roll-up again; PostgreSQL keeps every version of a row that
    /// an open transaction updated until it ends, and each update walks the versions before it, so a large import slowed
    /// down with every batch. Now an import first calls <c>CustomerMonthTotals_Defer()</c> (a temporary table, dropped at
    /// the commit): its statements still count their days, but append their month sums to that table, and
    /// <c>CustomerMonthTotals_CountDeferred()</c>, before the commit, counts them into the roll-up in one statement. Other
    /// writers (chat, the dashboard, EF) count their months as before.
    /// </summary>
    public partial class DeferredMonthTotals : Migration
    {
        /// <summary>An import's month sums until its end, in the shape of a statement's day sums (its month's first day as day).</summary>
        const string Deferred = "customer_months_deferred";

        static readonly CustomerMonthTotals.RollUp Days = CustomerMonthTotals.Days, Months = CustomerMonthTotals.Months;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CustomerMonthTotals.Functions(days => $"""
                IF to_regclass('pg_temp.{Deferred}') IS NULL THEN
                            {CustomerMonthTotals.CountInto([Days, Months], days)}
                        ELSE
                            WITH days AS ({days}),
                            counted AS ({CustomerMonthTotals.Add(Days)})
                            INSERT INTO {Deferred} SELECT {Months.PeriodOf("day")}, kind, group_id, reason, SUM(n), SUM(v) FROM days GROUP BY 1, 2, 3, 4;
                        END IF;
                """));
            migrationBuilder.Sql($$"""
                CREATE FUNCTION "CustomerMonthTotals_Defer"() RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    CREATE TEMP TABLE IF NOT EXISTS {{Deferred}} (
                        day date NOT NULL, kind character varying(32) NOT NULL, group_id integer NOT NULL,
                        reason character varying(2000) NOT NULL, n bigint NOT NULL, v numeric NOT NULL) ON COMMIT DROP;
                END
                $$;
                CREATE FUNCTION "CustomerMonthTotals_CountDeferred"() RETURNS void LANGUAGE plpgsql AS $$
                DECLARE
                    share integer := 0;
                BEGIN
                    {{CustomerDayTotals.ClaimShare}}
                    {{CustomerMonthTotals.CountInto([Months], $"SELECT * FROM {Deferred}")}}
                    TRUNCATE {{Deferred}};
                END
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CustomerMonthTotals.Functions(Days, Months));
            migrationBuilder.Sql("""
                DROP FUNCTION "CustomerMonthTotals_Defer"();
                DROP FUNCTION "CustomerMonthTotals_CountDeferred"();
                """);
        }
    }
}

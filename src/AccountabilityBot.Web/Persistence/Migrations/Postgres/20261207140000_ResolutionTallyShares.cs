using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountabilityBot.Web.Persistence.Migrations.Postgres
{
    /// <summary>
    /// The hourly tally off a single hot row. With one row per hour, every command writer's batch held that hour's row
    /// from its first resolution until its commit, so two instances' batches queued behind each other and, with the
    /// inbox's waits, deadlocked. Now each hour has shares ("ResolutionTallyShares"), and the trigger counts into the
    /// first share no other open transaction is counting into, claimed with a transaction-level advisory lock that
    /// never waits: a writer never waits for another's tally. "ResolutionTallies" becomes a view summing the shares per
    /// hour, so every reader (EF's model, the tests, the move's row counts) sees one row per hour as before. The view
    /// is hand-written SQL, unknown to EF's snapshot: a model change to ResolutionTally needs its own hand-written SQL.
    /// </summary>
    [DbContext(typeof(PostgresAppDbContext))]
    [Migration("20261207140000_ResolutionTallyShares")]
    public partial class ResolutionTallyShares : Migration
    {
        /// <summary>Any fixed number, the same in every instance: the advisory locks' first key for the tally's shares.</summary>
        const int ShareLocks = 0x7a11;

        /// <summary>More shares than writers ever run at once (one command writer per instance, and the odd EF writer).</summary>
        const int Shares = 64;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Updated on every resolution, hence room on each page for the new row version (an update that stays on
            // its page leaves no index entry behind).
            migrationBuilder.Sql("""
                CREATE TABLE "ResolutionTallyShares" (
                    "Hour" timestamp with time zone NOT NULL,
                    "Share" integer NOT NULL,
                    "Count" integer NOT NULL,
                    CONSTRAINT "PK_ResolutionTallyShares" PRIMARY KEY ("Hour", "Share")
                ) WITH (fillfactor = 50);
                INSERT INTO "ResolutionTallyShares" ("Hour", "Share", "Count") SELECT "Hour", 0, "Count" FROM "ResolutionTallies";
                DROP TABLE "ResolutionTallies";
                CREATE VIEW "ResolutionTallies" AS
                    SELECT "Hour", SUM("Count")::integer AS "Count" FROM "ResolutionTallyShares" GROUP BY "Hour";
                """);
            // A share's lock is held to the end of the transaction, so the share's row is written by one open
            // transaction at a time; a transaction keeps counting into the share it holds (the lock is re-entrant).
            // Should every share be taken, the count goes to share 0 and waits for its row as before. A delete counts
            // -1 into the transaction's own share: a share may be negative, the hour's sum is right.
            migrationBuilder.Sql($$"""
                CREATE OR REPLACE FUNCTION "Resolutions_Tally"() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    share integer := 0;
                BEGIN
                    WHILE share < {{Shares}} AND NOT pg_try_advisory_xact_lock({{ShareLocks}}, share) LOOP
                        share := share + 1;
                    END LOOP;
                    IF share = {{Shares}} THEN
                        share := 0;
                    END IF;
                    IF TG_OP IN ('DELETE', 'UPDATE') THEN
                        INSERT INTO "ResolutionTallyShares" ("Hour", "Share", "Count") VALUES (date_trunc('hour', OLD."At", 'UTC'), share, -1)
                        ON CONFLICT ("Hour", "Share") DO UPDATE SET "Count" = "ResolutionTallyShares"."Count" - 1;
                    END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') THEN
                        INSERT INTO "ResolutionTallyShares" ("Hour", "Share", "Count") VALUES (date_trunc('hour', NEW."At", 'UTC'), share, 1)
                        ON CONFLICT ("Hour", "Share") DO UPDATE SET "Count" = "ResolutionTallyShares"."Count" + 1;
                    END IF;
                    RETURN NULL;
                END
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION "Resolutions_Tally"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('DELETE', 'UPDATE') THEN
                        UPDATE "ResolutionTallies" SET "Count" = "Count" - 1 WHERE "Hour" = date_trunc('hour', OLD."At", 'UTC');
                    END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') THEN
                        INSERT INTO "ResolutionTallies" ("Hour", "Count") VALUES (date_trunc('hour', NEW."At", 'UTC'), 1)
                        ON CONFLICT ("Hour") DO UPDATE SET "Count" = "ResolutionTallies"."Count" + 1;
                    END IF;
                    RETURN NULL;
                END
                $$;
                DROP VIEW "ResolutionTallies";
                CREATE TABLE "ResolutionTallies" (
                    "Hour" timestamp with time zone NOT NULL CONSTRAINT "PK_ResolutionTallies" PRIMARY KEY,
                    "Count" integer NOT NULL
                );
                INSERT INTO "ResolutionTallies" ("Hour", "Count")
                SELECT "Hour", SUM("Count")::integer FROM "ResolutionTallyShares" GROUP BY "Hour";
                DROP TABLE "ResolutionTallyShares";
                """);
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountabilityBot.Web.Persistence.Migrations.Postgres
{
    /// <summary>
    /// The pair of SQLite's StoryLostOn: each lost-customer story carries the day its customer was lost, kept by
    /// triggers and indexed (a BEFORE trigger sets a story's own row as it is written; an event's change updates its story).
    /// </summary>
    public partial class StoryLostOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "LostOn",
                table: "LostStories",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_LostStories_LostOn_Id",
                table: "LostStories",
                columns: new[] { "LostOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LostStories_PickedAt",
                table: "LostStories",
                column: "PickedAt");

            migrationBuilder.Sql("""
                UPDATE "LostStories" s SET "LostOn" = e."OccurredOn"
                FROM "CustomerEvents" e WHERE e."Id" = s."CustomerEventId" AND e."Kind" = 'Lost';

                CREATE FUNCTION "LostStories_LostOn"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW."LostOn" := (SELECT e."OccurredOn" FROM "CustomerEvents" e WHERE e."Id" = NEW."CustomerEventId" AND e."Kind" = 'Lost');
                    RETURN NEW;
                END
                $$;
                CREATE TRIGGER "LostStories_LostOn" BEFORE INSERT OR UPDATE OF "CustomerEventId" ON "LostStories"
                    FOR EACH ROW EXECUTE FUNCTION "LostStories_LostOn"();

                CREATE FUNCTION "CustomerEvents_StoryLostOn"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE "LostStories" SET "LostOn" = CASE WHEN NEW."Kind" = 'Lost' THEN NEW."OccurredOn" END
                    WHERE "CustomerEventId" = NEW."Id";
                    RETURN NULL;
                END
                $$;
                CREATE TRIGGER "CustomerEvents_StoryLostOn" AFTER UPDATE OF "Kind", "OccurredOn" ON "CustomerEvents"
                    FOR EACH ROW WHEN (OLD."Kind" IS DISTINCT FROM NEW."Kind" OR OLD."OccurredOn" IS DISTINCT FROM NEW."OccurredOn")
                    EXECUTE FUNCTION "CustomerEvents_StoryLostOn"();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "LostStories_LostOn" ON "LostStories";
                DROP FUNCTION "LostStories_LostOn"();
                DROP TRIGGER "CustomerEvents_StoryLostOn" ON "CustomerEvents";
                DROP FUNCTION "CustomerEvents_StoryLostOn"();
                """);

            migrationBuilder.DropIndex(
                name: "IX_LostStories_LostOn_Id",
                table: "LostStories");

            migrationBuilder.DropIndex(
                name: "IX_LostStories_PickedAt",
                table: "LostStories");

            migrationBuilder.DropColumn(
                name: "LostOn",
                table: "LostStories");
        }
    }
}

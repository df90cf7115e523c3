using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountabilityBot.Web.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// Each lost-customer story carries the day its customer was lost (LostOn: its event's date while the event is a
    /// loss), kept by triggers and indexed, so a period's stories are counted and listed from the index instead of
    /// through its events (a quarter of a million lost events in three years of a large company); and the CCO's pick is
    /// found by an index too. Filled here for the stories written before.
    /// </summary>
    public partial class StoryLostOn : Migration
    {
        /// <summary>The day a story's customer was lost, from its event (none unless the event is a loss).</summary>
        const string LostOnOf = """
            (SELECT e."OccurredOn" FROM "CustomerEvents" e WHERE e."Id" = "LostStories"."CustomerEventId" AND e."Kind" = 'Lost')
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "LostOn",
                table: "LostStories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_LostStories_LostOn_Id",
                table: "LostStories",
                columns: new[] { "LostOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LostStories_PickedAt",
                table: "LostStories",
                column: "PickedAt");

            migrationBuilder.Sql($"""UPDATE "LostStories" SET "LostOn" = {LostOnOf};""");
            // A story written, or moved to another event: its event's day. An event whose day or kind changes: its story's.
            migrationBuilder.Sql($"""
                CREATE TRIGGER "LostStories_LostOnInsert" AFTER INSERT ON "LostStories"
                BEGIN UPDATE "LostStories" SET "LostOn" = {LostOnOf} WHERE "Id" = NEW."Id"; END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "LostStories_LostOnMove" AFTER UPDATE OF "CustomerEventId" ON "LostStories"
                WHEN OLD."CustomerEventId" IS NOT NEW."CustomerEventId"
                BEGIN UPDATE "LostStories" SET "LostOn" = {LostOnOf} WHERE "Id" = NEW."Id"; END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "CustomerEvents_StoryLostOn" AFTER UPDATE OF "Kind", "OccurredOn" ON "CustomerEvents"
                WHEN OLD."Kind" IS NOT NEW."Kind" OR OLD."OccurredOn" IS NOT NEW."OccurredOn"
                BEGIN
                    UPDATE "LostStories" SET "LostOn" = CASE WHEN NEW."Kind" = 'Lost' THEN NEW."OccurredOn" END
                    WHERE "CustomerEventId" = NEW."Id";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "LostStories_LostOnInsert";
                DROP TRIGGER "LostStories_LostOnMove";
                DROP TRIGGER "CustomerEvents_StoryLostOn";
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountabilityBot.Web.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// The due date first promised, kept from now on when a date is first moved. For commitments moved before, only the
    /// answer to the `commit` that made them recorded it: it is read from there (the inbox keeps every answer); where it
    /// cannot be found, the column stays empty and the current date stands in, as before.
    /// </summary>
    public partial class FirstDueOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "FirstDueOn",
                table: "Commitments",
                type: "TEXT",
                nullable: true);

            var (made, due) = (CommitReplies.Made, CommitReplies.Due);
            migrationBuilder.Sql($"""
                UPDATE "Commitments" SET "FirstDueOn" = made."Due"
                FROM (
                    SELECT CAST(substr("Rest", 1, instr("Rest", '"') - 1) AS INTEGER) AS "Id",
                        substr("ReplyJson", instr("ReplyJson", '{due}') + {due.Length}, 10) AS "Due"
                    FROM (SELECT "ReplyJson", substr("ReplyJson", instr("ReplyJson", '{made}') + {made.Length}) AS "Rest"
                        FROM "ReceivedCommands"
                        WHERE "Refusal" IS NULL AND instr("ReplyJson", '{made}') > 0 AND instr("ReplyJson", '{due}') > 0)
                ) AS made
                WHERE made."Id" = "Commitments"."Id" AND made."Due" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
                    AND made."Due" <> "Commitments"."DueOn" AND {CommitReplies.Moved};
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FirstDueOn",
                table: "Commitments");
        }
    }
}

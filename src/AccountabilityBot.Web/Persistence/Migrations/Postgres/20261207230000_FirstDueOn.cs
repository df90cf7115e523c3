using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountabilityBot.Web.Persistence.Migrations.Postgres
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
                type: "date",
                nullable: true);

            var (made, due) = (CommitReplies.Made, CommitReplies.Due);
            migrationBuilder.Sql($"""
                UPDATE "Commitments" SET "FirstDueOn" = made."Due"
                FROM (
                    SELECT CASE WHEN "Id" ~ '^[0-9]+$' AND length("Id") < 10 THEN "Id"::integer END AS "Id",
                        CASE WHEN "Due" ~ '^[0-9]+-[0-9]+-[0-9]+$' THEN "Due"::date END AS "Due"
                    FROM (SELECT split_part(substr("ReplyJson", strpos("ReplyJson", '{made}') + {made.Length}), '"', 1) AS "Id",
                            substr("ReplyJson", strpos("ReplyJson", '{due}') + {due.Length}, 10) AS "Due"
                        FROM "ReceivedCommands"
                        WHERE "Refusal" IS NULL AND strpos("ReplyJson", '{made}') > 0 AND strpos("ReplyJson", '{due}') > 0) AS answers
                ) AS made
                WHERE made."Id" = "Commitments"."Id" AND made."Due" <> "Commitments"."DueOn" AND {CommitReplies.Moved};
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

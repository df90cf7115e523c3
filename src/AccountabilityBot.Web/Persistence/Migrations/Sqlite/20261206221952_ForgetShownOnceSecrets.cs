using AccountabilityBot.Core.Messaging;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountabilityBot.Web.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// Hand-written: earlier builds stored the reply to `apikey create`, key included, in the inbox's reply cache and
    /// (for an answer by DM) in the outbox. Every stored message that holds a key is replaced by one that says a key
    /// was shown once and how to make a new one. Keys are abk_ followed by 16 hex digits and an underscore.
    /// </summary>
    public partial class ForgetShownOnceSecrets : Migration
    {
        static readonly string KeyGlob = "*abk_" + string.Concat(Enumerable.Repeat("[0-9a-f]", 16)) + "_*";

        static string Replacement => MessageJson.Serialize(new ChatMessage(
        [
            new TextBlock("An API key was created here and shown once; it is not kept anywhere, so it cannot be shown again."),
            new ContextBlock("Lost it? `apikey` lists the keys; `apikey revoke NAME`, then `apikey create NAME` makes a new one."),
        ]));

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            var replacement = Replacement.Replace("'", "''");
            migrationBuilder.Sql($"""UPDATE "ReceivedCommands" SET "ReplyJson" = '{replacement}' WHERE "ReplyJson" GLOB '{KeyGlob}';""");
            migrationBuilder.Sql($"""UPDATE "OutboundMessages" SET "MessageJson" = '{replacement}' WHERE "MessageJson" GLOB '{KeyGlob}';""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // What was forgotten cannot come back.
        }
    }
}

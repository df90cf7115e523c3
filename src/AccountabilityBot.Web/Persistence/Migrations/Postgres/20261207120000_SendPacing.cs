using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountabilityBot.Web.Persistence.Migrations.Postgres
{
    /// <summary>
    /// The pacing every instance on this database shares (PostgresSendPacing): one row per limit, written only with
    /// hand-written SQL, so it is not part of the EF model. Updated on every post, hence room on each page for the
    /// new row version (an update that stays on its page leaves no index entry behind).
    /// </summary>
    [DbContext(typeof(PostgresAppDbContext))]
    [Migration("20261207120000_SendPacing")]
    public partial class SendPacing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "SendPaces" (
                    "Key" text NOT NULL CONSTRAINT "PK_SendPaces" PRIMARY KEY,
                    "Next" timestamp with time zone NOT NULL
                ) WITH (fillfactor = 50);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE "SendPaces";""");
        }
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountabilityBot.Web.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// The pair of PostgreSQL's SendPacing, with nothing to do: one instance runs on an SQLite file, so its pacing
    /// stays in memory (InProcessSendPacing) and needs no table.
    /// </summary>
    [DbContext(typeof(SqliteAppDbContext))]
    [Migration("20261207120000_SendPacing")]
    public partial class SendPacing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}

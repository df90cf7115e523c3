using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountabilityBot.Web.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// The pair of PostgreSQL's ResolutionTallyShares, with nothing to do: SQLite has one writer at a time, so its
    /// hourly tally stays one row per hour, and no writer ever holds it while another waits.
    /// </summary>
    [DbContext(typeof(SqliteAppDbContext))]
    [Migration("20261207140000_ResolutionTallyShares")]
    public partial class ResolutionTallyShares : Migration
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

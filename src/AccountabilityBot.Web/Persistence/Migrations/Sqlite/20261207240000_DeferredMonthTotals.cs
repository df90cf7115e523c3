using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountabilityBot.Web.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// The pair of PostgreSQL's DeferredMonthTotals, with nothing to do: SQLite updates a row in place, so an import's
    /// triggers count each event into its month as it goes, however many batches the transaction holds.
    /// </summary>
    public partial class DeferredMonthTotals : Migration
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

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountabilityBot.Web.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InboxRefusals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Refusal",
                table: "ReceivedCommands",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Refusal",
                table: "ReceivedCommands");
        }
    }
}

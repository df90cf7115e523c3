using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AccountabilityBot.Web.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InboxFollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FollowUp",
                table: "ReceivedCommands",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeaseUntil",
                table: "ReceivedCommands",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReceivedCommands_LeaseUntil",
                table: "ReceivedCommands",
                column: "LeaseUntil",
                filter: "\"FollowUp\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReceivedCommands_LeaseUntil",
                table: "ReceivedCommands");

            migrationBuilder.DropColumn(
                name: "FollowUp",
                table: "ReceivedCommands");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "ReceivedCommands");
        }
    }
}

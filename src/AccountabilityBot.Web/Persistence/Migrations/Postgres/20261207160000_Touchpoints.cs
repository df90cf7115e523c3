using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AccountabilityBot.Web.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Touchpoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "TouchpointId",
                table: "Commitments",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Touchpoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    StageId = table.Column<int>(type: "integer", nullable: false),
                    Measure = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Unit = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Good = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Threshold = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AlertedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RecoveredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Touchpoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Touchpoints_JourneyStages_StageId",
                        column: x => x.StageId,
                        principalTable: "JourneyStages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Touchpoints_Members_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TouchpointValues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TouchpointId = table.Column<int>(type: "integer", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TouchpointValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TouchpointValues_Touchpoints_TouchpointId",
                        column: x => x.TouchpointId,
                        principalTable: "Touchpoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_TouchpointId",
                table: "Commitments",
                column: "TouchpointId");

            migrationBuilder.CreateIndex(
                name: "IX_TouchpointValues_TouchpointId_On",
                table: "TouchpointValues",
                columns: new[] { "TouchpointId", "On" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Touchpoints_Name",
                table: "Touchpoints",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Touchpoints_OwnerId",
                table: "Touchpoints",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Touchpoints_StageId",
                table: "Touchpoints",
                column: "StageId");

            migrationBuilder.AddForeignKey(
                name: "FK_Commitments_Touchpoints_TouchpointId",
                table: "Commitments",
                column: "TouchpointId",
                principalTable: "Touchpoints",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Commitments_Touchpoints_TouchpointId",
                table: "Commitments");

            migrationBuilder.DropTable(
                name: "TouchpointValues");

            migrationBuilder.DropTable(
                name: "Touchpoints");

            migrationBuilder.DropIndex(
                name: "IX_Commitments_TouchpointId",
                table: "Commitments");

            migrationBuilder.DropColumn(
                name: "TouchpointId",
                table: "Commitments");
        }
    }
}

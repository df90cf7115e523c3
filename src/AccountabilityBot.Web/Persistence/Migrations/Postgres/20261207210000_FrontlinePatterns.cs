using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AccountabilityBot.Web.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FrontlinePatterns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PatternId",
                table: "StopItems",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FrontlinePatterns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(240)", maxLength: 240, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StageId = table.Column<int>(type: "integer", nullable: true),
                    CustomerName = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Size = table.Column<int>(type: "integer", nullable: false),
                    Cost = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    FirstRaisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    QuietUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DismissedReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DismissedById = table.Column<int>(type: "integer", nullable: true),
                    DismissedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrontlinePatterns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FrontlinePatterns_JourneyStages_StageId",
                        column: x => x.StageId,
                        principalTable: "JourneyStages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FrontlinePatterns_Members_DismissedById",
                        column: x => x.DismissedById,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PatternRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Size = table.Column<int>(type: "integer", nullable: false),
                    WindowDays = table.Column<int>(type: "integer", nullable: false),
                    QuietDays = table.Column<int>(type: "integer", nullable: false),
                    ChangedById = table.Column<int>(type: "integer", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PatternRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PatternRules_Members_ChangedById",
                        column: x => x.ChangedById,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PatternEvidence",
                columns: table => new
                {
                    PatternId = table.Column<int>(type: "integer", nullable: false),
                    ResolutionId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PatternEvidence", x => new { x.PatternId, x.ResolutionId });
                    table.ForeignKey(
                        name: "FK_PatternEvidence_FrontlinePatterns_PatternId",
                        column: x => x.PatternId,
                        principalTable: "FrontlinePatterns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PatternEvidence_Resolutions_ResolutionId",
                        column: x => x.ResolutionId,
                        principalTable: "Resolutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StopItems_PatternId",
                table: "StopItems",
                column: "PatternId");

            migrationBuilder.CreateIndex(
                name: "IX_FrontlinePatterns_DismissedById",
                table: "FrontlinePatterns",
                column: "DismissedById");

            migrationBuilder.CreateIndex(
                name: "IX_FrontlinePatterns_Key",
                table: "FrontlinePatterns",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FrontlinePatterns_StageId",
                table: "FrontlinePatterns",
                column: "StageId");

            migrationBuilder.CreateIndex(
                name: "IX_PatternEvidence_ResolutionId",
                table: "PatternEvidence",
                column: "ResolutionId");

            migrationBuilder.CreateIndex(
                name: "IX_PatternRules_ChangedById",
                table: "PatternRules",
                column: "ChangedById");

            migrationBuilder.AddForeignKey(
                name: "FK_StopItems_FrontlinePatterns_PatternId",
                table: "StopItems",
                column: "PatternId",
                principalTable: "FrontlinePatterns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_StopItems_FrontlinePatterns_PatternId",
                table: "StopItems");

            migrationBuilder.DropTable(
                name: "PatternEvidence");

            migrationBuilder.DropTable(
                name: "PatternRules");

            migrationBuilder.DropTable(
                name: "FrontlinePatterns");

            migrationBuilder.DropIndex(
                name: "IX_StopItems_PatternId",
                table: "StopItems");

            migrationBuilder.DropColumn(
                name: "PatternId",
                table: "StopItems");
        }
    }
}

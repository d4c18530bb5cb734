using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KiemDiemBot.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SelfReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "opened_at",
                table: "review_cycles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "opened_by",
                table: "review_cycles",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "review_meetings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    cycle_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    starts_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_meetings", x => x.id);
                    table.ForeignKey(
                        name: "fk_review_meetings_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_review_meetings_review_cycles_cycle_id",
                        column: x => x.cycle_id,
                        principalTable: "review_cycles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_suggestions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    cycle_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_suggestions", x => x.id);
                    table.ForeignKey(
                        name: "fk_review_suggestions_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_review_suggestions_review_cycles_cycle_id",
                        column: x => x.cycle_id,
                        principalTable: "review_cycles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "self_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    cycle_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    answers_json = table.Column<string>(type: "TEXT", nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    unlocked_at = table.Column<long>(type: "INTEGER", nullable: true),
                    unlocked_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    entered_by_proxy_member_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_self_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_self_reviews_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_self_reviews_review_cycles_cycle_id",
                        column: x => x.cycle_id,
                        principalTable: "review_cycles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "self_review_revisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    review_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    answers_json = table.Column<string>(type: "TEXT", nullable: false),
                    saved_by_member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    saved_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_self_review_revisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_self_review_revisions_self_reviews_review_id",
                        column: x => x.review_id,
                        principalTable: "self_reviews",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_review_meetings_cycle_id_organisation_id",
                table: "review_meetings",
                columns: new[] { "cycle_id", "organisation_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_review_meetings_organisation_id",
                table: "review_meetings",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_review_suggestions_cycle_id_member_id",
                table: "review_suggestions",
                columns: new[] { "cycle_id", "member_id" });

            migrationBuilder.CreateIndex(
                name: "ix_review_suggestions_member_id",
                table: "review_suggestions",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_self_review_revisions_review_id_version",
                table: "self_review_revisions",
                columns: new[] { "review_id", "version" });

            migrationBuilder.CreateIndex(
                name: "ix_self_reviews_cycle_id",
                table: "self_reviews",
                column: "cycle_id");

            migrationBuilder.CreateIndex(
                name: "ix_self_reviews_member_id_cycle_id",
                table: "self_reviews",
                columns: new[] { "member_id", "cycle_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "review_meetings");

            migrationBuilder.DropTable(
                name: "review_suggestions");

            migrationBuilder.DropTable(
                name: "self_review_revisions");

            migrationBuilder.DropTable(
                name: "self_reviews");

            migrationBuilder.DropColumn(
                name: "opened_at",
                table: "review_cycles");

            migrationBuilder.DropColumn(
                name: "opened_by",
                table: "review_cycles");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KiemDiemBot.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Ballots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "cancelled_at",
                table: "review_meetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "channel_id",
                table: "review_meetings",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "conversation_id",
                table: "review_meetings",
                type: "TEXT",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "draft_approved_at",
                table: "review_meetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "draft_report_url",
                table: "review_meetings",
                type: "TEXT",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ends_at",
                table: "review_meetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "discipline_already_counted",
                table: "members",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ballots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    cycle_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    body_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    meeting_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    subject_kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    round = table.Column<int>(type: "INTEGER", nullable: false),
                    previous_ballot_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    seats = table.Column<int>(type: "INTEGER", nullable: false),
                    @base = table.Column<int>(name: "base", type: "INTEGER", nullable: false),
                    eligible_voters = table.Column<int>(type: "INTEGER", nullable: false),
                    cast = table.Column<int>(type: "INTEGER", nullable: false),
                    paper_ballots = table.Column<int>(type: "INTEGER", nullable: false),
                    quorum_overridden = table.Column<bool>(type: "INTEGER", nullable: false),
                    channel_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    conversation_id = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    opened_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    opened_at = table.Column<long>(type: "INTEGER", nullable: false),
                    closed_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    adopted_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ballots", x => x.id);
                    table.ForeignKey(
                        name: "fk_ballots_ballots_previous_ballot_id",
                        column: x => x.previous_ballot_id,
                        principalTable: "ballots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ballots_organisations_body_id",
                        column: x => x.body_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ballots_review_cycles_cycle_id",
                        column: x => x.cycle_id,
                        principalTable: "review_cycles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ranking_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    cycle_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    level = table.Column<short>(type: "INTEGER", nullable: false),
                    decided_by_body_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ballot_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: false),
                    decided_by = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ranking_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_ranking_decisions_review_cycles_cycle_id",
                        column: x => x.cycle_id,
                        principalTable: "review_cycles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_meeting_participants",
                columns: table => new
                {
                    meeting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    is_co_chair = table.Column<bool>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_meeting_participants", x => new { x.meeting_id, x.member_id });
                    table.ForeignKey(
                        name: "fk_review_meeting_participants_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_review_meeting_participants_review_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "review_meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ballot_counters",
                columns: table => new
                {
                    ballot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    choice = table.Column<short>(type: "INTEGER", nullable: false),
                    source = table.Column<short>(type: "INTEGER", nullable: false),
                    votes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ballot_counters", x => new { x.ballot_id, x.subject_id, x.choice, x.source });
                    table.ForeignKey(
                        name: "fk_ballot_counters_ballots_ballot_id",
                        column: x => x.ballot_id,
                        principalTable: "ballots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ballot_subjects",
                columns: table => new
                {
                    ballot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    highest_allowed = table.Column<short>(type: "INTEGER", nullable: false),
                    cap_reasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    outcome = table.Column<short>(type: "INTEGER", nullable: true),
                    needs_revote = table.Column<bool>(type: "INTEGER", nullable: false),
                    kept = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ballot_subjects", x => new { x.ballot_id, x.subject_id });
                    table.ForeignKey(
                        name: "fk_ballot_subjects_ballots_ballot_id",
                        column: x => x.ballot_id,
                        principalTable: "ballots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ballot_voters",
                columns: table => new
                {
                    ballot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    is_official = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_exempt = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_present = table.Column<bool>(type: "INTEGER", nullable: false),
                    has_cast = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ballot_voters", x => new { x.ballot_id, x.member_id });
                    table.ForeignKey(
                        name: "fk_ballot_voters_ballots_ballot_id",
                        column: x => x.ballot_id,
                        principalTable: "ballots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ballot_voters_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_review_meetings_channel_id_conversation_id",
                table: "review_meetings",
                columns: new[] { "channel_id", "conversation_id" });

            migrationBuilder.CreateIndex(
                name: "ix_ballot_voters_member_id",
                table: "ballot_voters",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_ballots_body_id",
                table: "ballots",
                column: "body_id");

            migrationBuilder.CreateIndex(
                name: "ix_ballots_channel_id_conversation_id_state",
                table: "ballots",
                columns: new[] { "channel_id", "conversation_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_ballots_cycle_id_body_id",
                table: "ballots",
                columns: new[] { "cycle_id", "body_id" });

            migrationBuilder.CreateIndex(
                name: "ix_ballots_previous_ballot_id",
                table: "ballots",
                column: "previous_ballot_id");

            migrationBuilder.CreateIndex(
                name: "ix_ranking_decisions_cycle_id_decided_by_body_id",
                table: "ranking_decisions",
                columns: new[] { "cycle_id", "decided_by_body_id" });

            migrationBuilder.CreateIndex(
                name: "ix_ranking_decisions_cycle_id_subject_kind_subject_id",
                table: "ranking_decisions",
                columns: new[] { "cycle_id", "subject_kind", "subject_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_review_meeting_participants_member_id",
                table: "review_meeting_participants",
                column: "member_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ballot_counters");

            migrationBuilder.DropTable(
                name: "ballot_subjects");

            migrationBuilder.DropTable(
                name: "ballot_voters");

            migrationBuilder.DropTable(
                name: "ranking_decisions");

            migrationBuilder.DropTable(
                name: "review_meeting_participants");

            migrationBuilder.DropTable(
                name: "ballots");

            migrationBuilder.DropIndex(
                name: "ix_review_meetings_channel_id_conversation_id",
                table: "review_meetings");

            migrationBuilder.DropColumn(
                name: "cancelled_at",
                table: "review_meetings");

            migrationBuilder.DropColumn(
                name: "channel_id",
                table: "review_meetings");

            migrationBuilder.DropColumn(
                name: "conversation_id",
                table: "review_meetings");

            migrationBuilder.DropColumn(
                name: "draft_approved_at",
                table: "review_meetings");

            migrationBuilder.DropColumn(
                name: "draft_report_url",
                table: "review_meetings");

            migrationBuilder.DropColumn(
                name: "ends_at",
                table: "review_meetings");

            migrationBuilder.DropColumn(
                name: "discipline_already_counted",
                table: "members");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KiemDiemBot.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Reminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "reminder_offsets",
                table: "review_cycles",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "5,3,1");

            migrationBuilder.AddColumn<TimeOnly>(
                name: "reminder_time",
                table: "review_cycles",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeOnly(8, 0, 0));

            migrationBuilder.AddColumn<long>(
                name: "delivery_id",
                table: "outbound_activities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "deliveries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    occasion = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at_ms = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deliveries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "draft_comments",
                columns: table => new
                {
                    meeting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_draft_comments", x => new { x.meeting_id, x.member_id });
                    table.ForeignKey(
                        name: "fk_draft_comments_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_draft_comments_review_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "review_meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "occasion_runs",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ran_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    staged = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_occasion_runs", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "reminder_pauses",
                columns: table => new
                {
                    cycle_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    paused_by_member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    paused_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reminder_pauses", x => new { x.cycle_id, x.member_id });
                    table.ForeignKey(
                        name: "fk_reminder_pauses_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_reminder_pauses_review_cycles_cycle_id",
                        column: x => x.cycle_id,
                        principalTable: "review_cycles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "send_rate_limits",
                columns: table => new
                {
                    scope = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    next_slot_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    paused_until_ms = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_send_rate_limits", x => x.scope);
                });

            migrationBuilder.CreateIndex(
                name: "ix_outbound_activities_delivery_id",
                table: "outbound_activities",
                column: "delivery_id");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_member_id",
                table: "deliveries",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_occasion_member_id",
                table: "deliveries",
                columns: new[] { "occasion", "member_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_draft_comments_member_id",
                table: "draft_comments",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_reminder_pauses_member_id",
                table: "reminder_pauses",
                column: "member_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deliveries");

            migrationBuilder.DropTable(
                name: "draft_comments");

            migrationBuilder.DropTable(
                name: "occasion_runs");

            migrationBuilder.DropTable(
                name: "reminder_pauses");

            migrationBuilder.DropTable(
                name: "send_rate_limits");

            migrationBuilder.DropIndex(
                name: "ix_outbound_activities_delivery_id",
                table: "outbound_activities");

            migrationBuilder.DropColumn(
                name: "reminder_offsets",
                table: "review_cycles");

            migrationBuilder.DropColumn(
                name: "reminder_time",
                table: "review_cycles");

            migrationBuilder.DropColumn(
                name: "delivery_id",
                table: "outbound_activities");
        }
    }
}

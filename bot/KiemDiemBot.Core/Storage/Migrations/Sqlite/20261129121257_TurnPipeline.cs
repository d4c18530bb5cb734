using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KiemDiemBot.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TurnPipeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "conversation_leases",
                columns: table => new
                {
                    channel_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    conversation_id = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    owner = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    expires_at_ms = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversation_leases", x => new { x.channel_id, x.conversation_id });
                });

            migrationBuilder.CreateTable(
                name: "flow_states",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    cycle_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    flow_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    step = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    state_json = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at_ms = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_flow_states", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbound_activities",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    channel_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    conversation_id = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    activity_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    activity_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    received_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    next_attempt_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    completed_at_ms = table.Column<long>(type: "INTEGER", nullable: true),
                    invoke_status = table.Column<int>(type: "INTEGER", nullable: true),
                    invoke_response = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbound_activities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "local_conversation_members",
                columns: table => new
                {
                    conversation_id = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_local_conversation_members", x => new { x.conversation_id, x.user_id });
                });

            migrationBuilder.CreateTable(
                name: "local_conversations",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    conversation_type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    last_sequence = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_local_conversations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "local_transcript_entries",
                columns: table => new
                {
                    conversation_id = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    activity_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_local_transcript_entries", x => new { x.conversation_id, x.sequence });
                });

            migrationBuilder.CreateTable(
                name: "outbound_activities",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    inbound_activity_id = table.Column<long>(type: "INTEGER", nullable: true),
                    channel_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    conversation_id = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    service_url = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    operation = table.Column<int>(type: "INTEGER", nullable: false),
                    target_activity_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    next_attempt_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    sent_at_ms = table.Column<long>(type: "INTEGER", nullable: true),
                    sent_activity_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    dedupe_key = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbound_activities", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_flow_states_member_id_cycle_id_flow_name",
                table: "flow_states",
                columns: new[] { "member_id", "cycle_id", "flow_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_flow_states_member_id_status_updated_at_ms",
                table: "flow_states",
                columns: new[] { "member_id", "status", "updated_at_ms" });

            migrationBuilder.CreateIndex(
                name: "ix_inbound_activities_channel_id_conversation_id_activity_id",
                table: "inbound_activities",
                columns: new[] { "channel_id", "conversation_id", "activity_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inbound_activities_status_channel_id_conversation_id_id",
                table: "inbound_activities",
                columns: new[] { "status", "channel_id", "conversation_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_inbound_activities_status_completed_at_ms",
                table: "inbound_activities",
                columns: new[] { "status", "completed_at_ms" });

            migrationBuilder.CreateIndex(
                name: "ix_local_transcript_entries_conversation_id_activity_id",
                table: "local_transcript_entries",
                columns: new[] { "conversation_id", "activity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_outbound_activities_dedupe_key",
                table: "outbound_activities",
                column: "dedupe_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbound_activities_inbound_activity_id",
                table: "outbound_activities",
                column: "inbound_activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbound_activities_status_channel_id_conversation_id_id",
                table: "outbound_activities",
                columns: new[] { "status", "channel_id", "conversation_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "conversation_leases");

            migrationBuilder.DropTable(
                name: "flow_states");

            migrationBuilder.DropTable(
                name: "inbound_activities");

            migrationBuilder.DropTable(
                name: "local_conversation_members");

            migrationBuilder.DropTable(
                name: "local_conversations");

            migrationBuilder.DropTable(
                name: "local_transcript_entries");

            migrationBuilder.DropTable(
                name: "outbound_activities");
        }
    }
}

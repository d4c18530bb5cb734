using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KiemDiemBot.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Microsoft365 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "bot_installed_in_chat_at",
                table: "review_meetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "calendar_error",
                table: "review_meetings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "calendar_event_id",
                table: "review_meetings",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "calendar_synced_at",
                table: "review_meetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "meeting_chat_id",
                table: "review_meetings",
                type: "TEXT",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "online_meeting_join_url",
                table: "review_meetings",
                type: "TEXT",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "left_directory_at",
                table: "members",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "app_installations",
                columns: table => new
                {
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_installations", x => x.member_id);
                    table.ForeignKey(
                        name: "fk_app_installations_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "directory_group_links",
                columns: table => new
                {
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    group_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    delta_link = table.Column<string>(type: "TEXT", nullable: true),
                    linked_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_synced_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_directory_group_links", x => x.organisation_id);
                    table.ForeignKey(
                        name: "fk_directory_group_links_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "directory_people",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    entra_object_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    job_title = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    first_seen_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_seen_at = table.Column<long>(type: "INTEGER", nullable: false),
                    left_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_directory_people", x => x.id);
                    table.ForeignKey(
                        name: "fk_directory_people_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_directory_people_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "shared_files",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    subject_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    owner_member_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    drive_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    item_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    web_url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    shared_with_count = table.Column<int>(type: "INTEGER", nullable: false),
                    uploaded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    shared_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shared_files", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_app_installations_status",
                table: "app_installations",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_directory_people_member_id",
                table: "directory_people",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_directory_people_organisation_id_entra_object_id",
                table: "directory_people",
                columns: new[] { "organisation_id", "entra_object_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_shared_files_kind_subject_key",
                table: "shared_files",
                columns: new[] { "kind", "subject_key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "app_installations");

            migrationBuilder.DropTable(
                name: "directory_group_links");

            migrationBuilder.DropTable(
                name: "directory_people");

            migrationBuilder.DropTable(
                name: "shared_files");

            migrationBuilder.DropColumn(
                name: "bot_installed_in_chat_at",
                table: "review_meetings");

            migrationBuilder.DropColumn(
                name: "calendar_error",
                table: "review_meetings");

            migrationBuilder.DropColumn(
                name: "calendar_event_id",
                table: "review_meetings");

            migrationBuilder.DropColumn(
                name: "calendar_synced_at",
                table: "review_meetings");

            migrationBuilder.DropColumn(
                name: "meeting_chat_id",
                table: "review_meetings");

            migrationBuilder.DropColumn(
                name: "online_meeting_join_url",
                table: "review_meetings");

            migrationBuilder.DropColumn(
                name: "left_directory_at",
                table: "members");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KiemDiemBot.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DomainModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    subject_kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    field = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    from_value = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    to_value = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    parent_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisations", x => x.id);
                    table.ForeignKey(
                        name: "fk_organisations_organisations_parent_id",
                        column: x => x.parent_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "review_cycles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    rule_set_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_cycles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    full_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    email_key = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    entra_object_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    date_of_birth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    official_cell_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    temporary_cell_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    membership = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    admitted_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    activity_status = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    suspended_from_committee = table.Column<bool>(type: "INTEGER", nullable: false),
                    discipline = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    disciplined_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    long_sick_leave = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_civil_servant = table.Column<bool>(type: "INTEGER", nullable: false),
                    state_rating = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    is_working = table.Column<bool>(type: "INTEGER", nullable: false),
                    residence_exemption = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    residence_comment_received = table.Column<bool>(type: "INTEGER", nullable: false),
                    temporary_cell_comment_received = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_members_organisations_official_cell_id",
                        column: x => x.official_cell_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_members_organisations_temporary_cell_id",
                        column: x => x.temporary_cell_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "committee_deadlines",
                columns: table => new
                {
                    cycle_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    due_before = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_committee_deadlines", x => new { x.cycle_id, x.organisation_id, x.kind });
                    table.ForeignKey(
                        name: "fk_committee_deadlines_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_committee_deadlines_review_cycles_cycle_id",
                        column: x => x.cycle_id,
                        principalTable: "review_cycles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cycle_calendar_days",
                columns: table => new
                {
                    cycle_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cycle_calendar_days", x => new { x.cycle_id, x.date });
                    table.ForeignKey(
                        name: "fk_cycle_calendar_days_review_cycles_cycle_id",
                        column: x => x.cycle_id,
                        principalTable: "review_cycles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cycle_deadlines",
                columns: table => new
                {
                    cycle_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    due_before = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cycle_deadlines", x => new { x.cycle_id, x.kind });
                    table.ForeignKey(
                        name: "fk_cycle_deadlines_review_cycles_cycle_id",
                        column: x => x.cycle_id,
                        principalTable: "review_cycles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "positions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    body_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_positions", x => x.id);
                    table.ForeignKey(
                        name: "fk_positions_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_positions_organisations_body_id",
                        column: x => x.body_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_subject_kind_subject_id_at",
                table: "audit_entries",
                columns: new[] { "subject_kind", "subject_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_committee_deadlines_organisation_id",
                table: "committee_deadlines",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_members_code",
                table: "members",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_members_email_key",
                table: "members",
                column: "email_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_members_entra_object_id",
                table: "members",
                column: "entra_object_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_members_official_cell_id",
                table: "members",
                column: "official_cell_id");

            migrationBuilder.CreateIndex(
                name: "ix_members_temporary_cell_id",
                table: "members",
                column: "temporary_cell_id");

            migrationBuilder.CreateIndex(
                name: "ix_organisations_code",
                table: "organisations",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_organisations_parent_id",
                table: "organisations",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_positions_body_id",
                table: "positions",
                column: "body_id");

            migrationBuilder.CreateIndex(
                name: "ix_positions_member_id_body_id_title",
                table: "positions",
                columns: new[] { "member_id", "body_id", "title" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_review_cycles_year",
                table: "review_cycles",
                column: "year",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "committee_deadlines");

            migrationBuilder.DropTable(
                name: "cycle_calendar_days");

            migrationBuilder.DropTable(
                name: "cycle_deadlines");

            migrationBuilder.DropTable(
                name: "positions");

            migrationBuilder.DropTable(
                name: "review_cycles");

            migrationBuilder.DropTable(
                name: "members");

            migrationBuilder.DropTable(
                name: "organisations");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProfilePlatform.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IdentityAndProfileStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "identity_link_sources",
                columns: table => new
                {
                    ims_org = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    first_xid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    second_xid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    dataset_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    batch_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_link_sources", x => new { x.ims_org, x.sandbox, x.first_xid, x.second_xid, x.dataset_id, x.batch_id });
                });

            migrationBuilder.CreateTable(
                name: "identity_links",
                columns: table => new
                {
                    ims_org = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    first_xid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    second_xid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    first_established = table.Column<long>(type: "INTEGER", nullable: false),
                    last_established = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_links", x => new { x.ims_org, x.sandbox, x.first_xid, x.second_xid });
                });

            migrationBuilder.CreateTable(
                name: "identity_vertices",
                columns: table => new
                {
                    ims_org = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    xid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    namespace_code = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: false),
                    id_type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    graph_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    last_updated = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_vertices", x => new { x.ims_org, x.sandbox, x.xid });
                });

            migrationBuilder.CreateTable(
                name: "profile_experience_events",
                columns: table => new
                {
                    ims_org = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    dataset_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    event_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    event_id = table.Column<string>(type: "TEXT", nullable: false),
                    primary_xid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    primary_namespace = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    primary_value = table.Column<string>(type: "TEXT", nullable: false),
                    identities = table.Column<string>(type: "TEXT", nullable: false),
                    timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    record = table.Column<string>(type: "TEXT", nullable: false),
                    batch_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ingested_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_profile_experience_events", x => new { x.ims_org, x.sandbox, x.dataset_id, x.event_key });
                });

            migrationBuilder.CreateTable(
                name: "profile_fragments",
                columns: table => new
                {
                    ims_org = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    dataset_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    primary_xid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    primary_namespace = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    primary_value = table.Column<string>(type: "TEXT", nullable: false),
                    identities = table.Column<string>(type: "TEXT", nullable: false),
                    record = table.Column<string>(type: "TEXT", nullable: false),
                    batch_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ingested_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_updated = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_profile_fragments", x => new { x.ims_org, x.sandbox, x.dataset_id, x.primary_xid });
                });

            migrationBuilder.CreateIndex(
                name: "ix_identity_link_sources_dataset",
                table: "identity_link_sources",
                columns: new[] { "ims_org", "sandbox", "dataset_id", "first_xid" });

            migrationBuilder.CreateIndex(
                name: "ix_identity_vertices_graph",
                table: "identity_vertices",
                columns: new[] { "graph_id", "ims_org", "sandbox" });

            migrationBuilder.CreateIndex(
                name: "ix_profile_experience_events_primary_xid_time",
                table: "profile_experience_events",
                columns: new[] { "ims_org", "sandbox", "primary_xid", "timestamp" });

            migrationBuilder.CreateIndex(
                name: "ix_profile_fragments_primary_xid",
                table: "profile_fragments",
                columns: new[] { "ims_org", "sandbox", "primary_xid" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identity_link_sources");

            migrationBuilder.DropTable(
                name: "identity_links");

            migrationBuilder.DropTable(
                name: "identity_vertices");

            migrationBuilder.DropTable(
                name: "profile_experience_events");

            migrationBuilder.DropTable(
                name: "profile_fragments");
        }
    }
}

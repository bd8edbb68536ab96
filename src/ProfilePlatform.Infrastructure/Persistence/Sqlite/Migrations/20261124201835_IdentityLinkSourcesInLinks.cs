using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProfilePlatform.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IdentityLinkSourcesInLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "sources",
                table: "identity_links",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            // Each link's sources move into its row (StoredLinkSources' JSON, times in Unix milliseconds).
            migrationBuilder.Sql(@"
UPDATE identity_links SET sources = COALESCE((
    SELECT '[' || group_concat('{""dataset"":' || json_quote(s.dataset_id) || ',""batch"":' || json_quote(s.batch_id)
                               || ',""at"":' || (((s.""at"" >> 11) * 1000 - 621355968000000000) / 10000) || '}', ',') || ']'
    FROM identity_link_sources s
    WHERE s.ims_org = identity_links.ims_org AND s.sandbox = identity_links.sandbox
      AND s.first_xid = identity_links.first_xid AND s.second_xid = identity_links.second_xid), '[]');
");

            migrationBuilder.DropTable(
                name: "identity_link_sources");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
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

            migrationBuilder.Sql(@"
INSERT INTO identity_link_sources (ims_org, sandbox, first_xid, second_xid, dataset_id, batch_id, ""at"")
SELECT l.ims_org, l.sandbox, l.first_xid, l.second_xid, json_extract(e.value, '$.dataset'), json_extract(e.value, '$.batch'),
       ((json_extract(e.value, '$.at') * 10000 + 621355968000000000) / 1000) << 11
FROM identity_links l, json_each(l.sources) e;
");

            migrationBuilder.DropColumn(
                name: "sources",
                table: "identity_links");
        }
    }
}

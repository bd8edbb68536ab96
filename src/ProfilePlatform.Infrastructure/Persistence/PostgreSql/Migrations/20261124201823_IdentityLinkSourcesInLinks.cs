using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProfilePlatform.Infrastructure.Persistence.PostgreSql.Migrations
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
                type: "text",
                nullable: false,
                defaultValue: "[]");

            // Each link's sources move into its row (StoredLinkSources' JSON, times in Unix milliseconds).
            migrationBuilder.Sql(@"
UPDATE identity_links l SET sources = s.sources
FROM (SELECT ims_org, sandbox, first_xid, second_xid,
             '[' || string_agg('{""dataset"":' || to_json(dataset_id)::text || ',""batch"":' || to_json(batch_id)::text
                               || ',""at"":' || floor(extract(epoch FROM at) * 1000)::bigint::text || '}',
                               ',' ORDER BY dataset_id COLLATE ""C"", batch_id COLLATE ""C"") || ']' AS sources
      FROM identity_link_sources GROUP BY ims_org, sandbox, first_xid, second_xid) s
WHERE l.ims_org = s.ims_org AND l.sandbox = s.sandbox AND l.first_xid = s.first_xid AND l.second_xid = s.second_xid;
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
                    ims_org = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    first_xid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    second_xid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    dataset_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    batch_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_link_sources", x => new { x.ims_org, x.sandbox, x.first_xid, x.second_xid, x.dataset_id, x.batch_id });
                });

            migrationBuilder.Sql(@"
INSERT INTO identity_link_sources (ims_org, sandbox, first_xid, second_xid, dataset_id, batch_id, at)
SELECT l.ims_org, l.sandbox, l.first_xid, l.second_xid, e->>'dataset', e->>'batch', to_timestamp((e->>'at')::bigint / 1000.0)
FROM identity_links l CROSS JOIN LATERAL json_array_elements(l.sources::json) e;
");

            migrationBuilder.DropColumn(
                name: "sources",
                table: "identity_links");
        }
    }
}

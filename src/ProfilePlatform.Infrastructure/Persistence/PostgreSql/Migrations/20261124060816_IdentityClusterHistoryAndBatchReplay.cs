using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProfilePlatform.Infrastructure.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class IdentityClusterHistoryAndBatchReplay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "replay",
                table: "catalog_batches",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "identity_cluster_history",
                columns: table => new
                {
                    ims_org = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    xid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    graph_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_cluster_history", x => new { x.ims_org, x.sandbox, x.xid, x.graph_id });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identity_cluster_history");

            migrationBuilder.DropColumn(
                name: "replay",
                table: "catalog_batches");
        }
    }
}

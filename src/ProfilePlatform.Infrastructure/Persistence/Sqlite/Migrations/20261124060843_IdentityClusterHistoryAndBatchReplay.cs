using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProfilePlatform.Infrastructure.Persistence.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "identity_cluster_history",
                columns: table => new
                {
                    ims_org = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    xid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    graph_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
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

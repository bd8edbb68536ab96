using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProfilePlatform.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sandboxes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ims_org = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    region = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    is_default = table.Column<bool>(type: "INTEGER", nullable: false),
                    etag = table.Column<int>(type: "INTEGER", nullable: false),
                    created_date = table.Column<long>(type: "INTEGER", nullable: false),
                    last_modified_date = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    modified_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sandboxes", x => new { x.ims_org, x.id });
                });

            migrationBuilder.CreateTable(
                name: "signing_keys",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    created_date = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signing_keys", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ux_sandboxes_live_name",
                table: "sandboxes",
                columns: new[] { "ims_org", "name" },
                unique: true,
                filter: "\"state\" <> 'Deleted'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sandboxes");

            migrationBuilder.DropTable(
                name: "signing_keys");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProfilePlatform.Infrastructure.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SchemaRegistryResources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "xdm_resources",
                columns: table => new
                {
                    ims_org = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    id = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    alt_id = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    version = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    document = table.Column<string>(type: "text", nullable: false),
                    created_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_modified_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_xdm_resources", x => new { x.ims_org, x.sandbox, x.id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_xdm_resources_type",
                table: "xdm_resources",
                columns: new[] { "ims_org", "sandbox", "type" });

            migrationBuilder.CreateIndex(
                name: "ux_xdm_resources_alt_id",
                table: "xdm_resources",
                columns: new[] { "ims_org", "sandbox", "alt_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_xdm_resources_title",
                table: "xdm_resources",
                columns: new[] { "ims_org", "sandbox", "title" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "xdm_resources");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProfilePlatform.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SchemaRegistryDescriptors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "xdm_descriptors",
                columns: table => new
                {
                    ims_org = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    source_schema = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    destination_schema = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    primary_identity_of = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    document = table.Column<string>(type: "TEXT", nullable: false),
                    created = table.Column<long>(type: "INTEGER", nullable: false),
                    updated = table.Column<long>(type: "INTEGER", nullable: false),
                    created_user = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    created_client = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    updated_user = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_xdm_descriptors", x => new { x.ims_org, x.sandbox, x.id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_xdm_descriptors_destination_schema",
                table: "xdm_descriptors",
                columns: new[] { "ims_org", "sandbox", "destination_schema" });

            migrationBuilder.CreateIndex(
                name: "ix_xdm_descriptors_source_schema",
                table: "xdm_descriptors",
                columns: new[] { "ims_org", "sandbox", "source_schema" });

            migrationBuilder.CreateIndex(
                name: "ux_xdm_descriptors_primary_identity",
                table: "xdm_descriptors",
                columns: new[] { "ims_org", "sandbox", "primary_identity_of" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "xdm_descriptors");
        }
    }
}

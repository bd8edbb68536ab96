using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProfilePlatform.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IdentityNamespaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "identity_namespaces",
                columns: table => new
                {
                    ims_org = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    code_key = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    name_key = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: false),
                    id_type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created = table.Column<long>(type: "INTEGER", nullable: false),
                    updated = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_namespaces", x => new { x.ims_org, x.sandbox, x.id });
                });

            migrationBuilder.CreateIndex(
                name: "ux_identity_namespaces_code",
                table: "identity_namespaces",
                columns: new[] { "ims_org", "sandbox", "code_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_identity_namespaces_id",
                table: "identity_namespaces",
                column: "id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_identity_namespaces_name",
                table: "identity_namespaces",
                columns: new[] { "ims_org", "sandbox", "name_key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identity_namespaces");
        }
    }
}

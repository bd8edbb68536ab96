using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProfilePlatform.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MergePolicies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "profile_merge_policies",
                columns: table => new
                {
                    ims_org = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    position = table.Column<long>(type: "INTEGER", nullable: false),
                    schema_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    is_default = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_active_on_edge = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    update_epoch = table.Column<long>(type: "INTEGER", nullable: false),
                    document = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_profile_merge_policies", x => new { x.ims_org, x.sandbox, x.id });
                });

            migrationBuilder.CreateTable(
                name: "profile_merge_policy_sandboxes",
                columns: table => new
                {
                    ims_org = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    revision = table.Column<long>(type: "INTEGER", nullable: false),
                    provisioned = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_profile_merge_policy_sandboxes", x => new { x.ims_org, x.sandbox });
                });

            migrationBuilder.CreateIndex(
                name: "IX_profile_merge_policies_ims_org_sandbox_schema_name_is_default",
                table: "profile_merge_policies",
                columns: new[] { "ims_org", "sandbox", "schema_name", "is_default" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "profile_merge_policies");

            migrationBuilder.DropTable(
                name: "profile_merge_policy_sandboxes");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProfilePlatform.Infrastructure.Persistence.PostgreSql.Migrations
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
                    ims_org = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    position = table.Column<long>(type: "bigint", nullable: false),
                    schema_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    is_default = table.Column<bool>(type: "boolean", nullable: false),
                    is_active_on_edge = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    update_epoch = table.Column<long>(type: "bigint", nullable: false),
                    document = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_profile_merge_policies", x => new { x.ims_org, x.sandbox, x.id });
                });

            migrationBuilder.CreateTable(
                name: "profile_merge_policy_sandboxes",
                columns: table => new
                {
                    ims_org = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false),
                    provisioned = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_profile_merge_policy_sandboxes", x => new { x.ims_org, x.sandbox });
                });

            migrationBuilder.CreateIndex(
                name: "IX_profile_merge_policies_ims_org_sandbox_schema_name_is_defau~",
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

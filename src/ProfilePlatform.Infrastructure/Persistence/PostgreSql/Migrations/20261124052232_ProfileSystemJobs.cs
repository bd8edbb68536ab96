using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProfilePlatform.Infrastructure.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ProfileSystemJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "profile_system_jobs",
                columns: table => new
                {
                    ims_org = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    job_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    dataset_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    batch_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    records_processed = table.Column<long>(type: "bigint", nullable: true),
                    message = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: true),
                    created = table.Column<long>(type: "bigint", nullable: false),
                    updated = table.Column<long>(type: "bigint", nullable: false),
                    started = table.Column<long>(type: "bigint", nullable: true),
                    lease_owner = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    lease_expires = table.Column<long>(type: "bigint", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_profile_system_jobs", x => new { x.ims_org, x.sandbox, x.id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_profile_system_jobs_claim",
                table: "profile_system_jobs",
                columns: new[] { "status", "lease_expires" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "profile_system_jobs");
        }
    }
}

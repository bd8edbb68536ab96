using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProfilePlatform.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BatchIngestion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dataset_records",
                columns: table => new
                {
                    ims_org = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    batch_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    file_index = table.Column<int>(type: "INTEGER", nullable: false),
                    row_number = table.Column<long>(type: "INTEGER", nullable: false),
                    data_set_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    record = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dataset_records", x => new { x.ims_org, x.sandbox, x.batch_id, x.file_index, x.row_number });
                });

            migrationBuilder.CreateTable(
                name: "ingest_batch_files",
                columns: table => new
                {
                    ims_org = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    batch_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    data_set_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    content_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    is_complete = table.Column<bool>(type: "INTEGER", nullable: false),
                    announced_size = table.Column<long>(type: "INTEGER", nullable: true),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    created = table.Column<long>(type: "INTEGER", nullable: false),
                    updated = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ingest_batch_files", x => new { x.ims_org, x.sandbox, x.batch_id, x.name });
                });

            migrationBuilder.CreateTable(
                name: "ingest_file_chunks",
                columns: table => new
                {
                    ims_org = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    content_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    offset = table.Column<long>(type: "INTEGER", nullable: false),
                    batch_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ingest_file_chunks", x => new { x.ims_org, x.sandbox, x.content_id, x.offset });
                });

            migrationBuilder.CreateTable(
                name: "ingest_jobs",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ims_org = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    batch_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    lease_owner = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    lease_expires = table.Column<long>(type: "INTEGER", nullable: false),
                    available_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created = table.Column<long>(type: "INTEGER", nullable: false),
                    updated = table.Column<long>(type: "INTEGER", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ingest_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ingest_row_errors",
                columns: table => new
                {
                    ims_org = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    batch_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    row_number = table.Column<long>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    problems = table.Column<string>(type: "TEXT", nullable: false),
                    raw = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ingest_row_errors", x => new { x.ims_org, x.sandbox, x.batch_id, x.sequence });
                });

            migrationBuilder.CreateIndex(
                name: "ix_dataset_records_data_set",
                table: "dataset_records",
                columns: new[] { "ims_org", "sandbox", "data_set_id" });

            migrationBuilder.CreateIndex(
                name: "ix_ingest_file_chunks_batch",
                table: "ingest_file_chunks",
                columns: new[] { "ims_org", "sandbox", "batch_id" });

            migrationBuilder.CreateIndex(
                name: "ix_ingest_jobs_state",
                table: "ingest_jobs",
                columns: new[] { "state", "available_at" });

            migrationBuilder.CreateIndex(
                name: "ux_ingest_jobs_batch",
                table: "ingest_jobs",
                columns: new[] { "ims_org", "sandbox", "batch_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dataset_records");

            migrationBuilder.DropTable(
                name: "ingest_batch_files");

            migrationBuilder.DropTable(
                name: "ingest_file_chunks");

            migrationBuilder.DropTable(
                name: "ingest_jobs");

            migrationBuilder.DropTable(
                name: "ingest_row_errors");
        }
    }
}

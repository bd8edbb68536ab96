using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProfilePlatform.Infrastructure.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Catalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "catalog_batches",
                columns: table => new
                {
                    ims_org = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    sandbox_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    data_set_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    external_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    input_format = table.Column<string>(type: "text", nullable: false),
                    tags = table.Column<string>(type: "text", nullable: false),
                    other_related_objects = table.Column<string>(type: "text", nullable: false),
                    metrics = table.Column<string>(type: "text", nullable: false),
                    errors = table.Column<string>(type: "text", nullable: false),
                    created = table.Column<long>(type: "bigint", nullable: false),
                    updated = table.Column<long>(type: "bigint", nullable: false),
                    started = table.Column<long>(type: "bigint", nullable: true),
                    completed = table.Column<long>(type: "bigint", nullable: true),
                    created_client = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_user = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    updated_user = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    version = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_batches", x => new { x.ims_org, x.sandbox, x.id });
                });

            migrationBuilder.CreateTable(
                name: "catalog_dataset_files",
                columns: table => new
                {
                    ims_org = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    id = table.Column<string>(type: "character varying(96)", maxLength: 96, nullable: false),
                    data_set_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    data_set_view_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    batch_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    records = table.Column<long>(type: "bigint", nullable: true),
                    is_valid = table.Column<bool>(type: "boolean", nullable: false),
                    created = table.Column<long>(type: "bigint", nullable: false),
                    updated = table.Column<long>(type: "bigint", nullable: false),
                    created_client = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_user = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    updated_user = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    version = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_dataset_files", x => new { x.ims_org, x.sandbox, x.id });
                });

            migrationBuilder.CreateTable(
                name: "catalog_datasets",
                columns: table => new
                {
                    ims_org = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    sandbox_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    view_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    fields = table.Column<string>(type: "text", nullable: false),
                    created = table.Column<long>(type: "bigint", nullable: false),
                    updated = table.Column<long>(type: "bigint", nullable: false),
                    created_client = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_user = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    updated_user = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    version = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    last_batch_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    last_batch_status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    last_batch_created = table.Column<long>(type: "bigint", nullable: true),
                    last_successful_batch = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    last_failed_batch = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    name = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    schema_id = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_datasets", x => new { x.ims_org, x.sandbox, x.id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_batches_created",
                table: "catalog_batches",
                columns: new[] { "ims_org", "sandbox", "created" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_batches_data_set",
                table: "catalog_batches",
                columns: new[] { "ims_org", "sandbox", "data_set_id", "created" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_batches_status",
                table: "catalog_batches",
                columns: new[] { "ims_org", "sandbox", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_batches_updated",
                table: "catalog_batches",
                columns: new[] { "ims_org", "sandbox", "updated" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_dataset_files_batch",
                table: "catalog_dataset_files",
                columns: new[] { "ims_org", "sandbox", "batch_id" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_dataset_files_created",
                table: "catalog_dataset_files",
                columns: new[] { "ims_org", "sandbox", "created" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_dataset_files_data_set",
                table: "catalog_dataset_files",
                columns: new[] { "ims_org", "sandbox", "data_set_id", "created" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_datasets_created",
                table: "catalog_datasets",
                columns: new[] { "ims_org", "sandbox", "created" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_datasets_name",
                table: "catalog_datasets",
                columns: new[] { "ims_org", "sandbox", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_datasets_schema",
                table: "catalog_datasets",
                columns: new[] { "ims_org", "sandbox", "schema_id" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_datasets_updated",
                table: "catalog_datasets",
                columns: new[] { "ims_org", "sandbox", "updated" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalog_batches");

            migrationBuilder.DropTable(
                name: "catalog_dataset_files");

            migrationBuilder.DropTable(
                name: "catalog_datasets");
        }
    }
}

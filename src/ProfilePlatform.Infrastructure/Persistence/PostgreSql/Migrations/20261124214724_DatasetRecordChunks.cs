using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProfilePlatform.Infrastructure.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class DatasetRecordChunks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dataset_record_chunks",
                columns: table => new
                {
                    ims_org = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    batch_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    file_index = table.Column<int>(type: "integer", nullable: false),
                    first_row = table.Column<long>(type: "bigint", nullable: false),
                    data_set_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    record_count = table.Column<int>(type: "integer", nullable: false),
                    records = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dataset_record_chunks", x => new { x.ims_org, x.sandbox, x.batch_id, x.file_index, x.first_row });
                });

            migrationBuilder.CreateIndex(
                name: "ix_dataset_record_chunks_data_set",
                table: "dataset_record_chunks",
                columns: new[] { "ims_org", "sandbox", "data_set_id" });
            // lz4 where the server was built with it (PostgreSQL 14+); pglz otherwise, which costs twice the time of no
            // compression at all on a bulk load, so then the records are stored uncompressed, out of line.
            migrationBuilder.Sql(@"
DO $$
BEGIN
    EXECUTE 'ALTER TABLE dataset_record_chunks ALTER COLUMN records SET COMPRESSION lz4';
EXCEPTION WHEN OTHERS THEN
    ALTER TABLE dataset_record_chunks ALTER COLUMN records SET STORAGE EXTERNAL;
END $$;");

            // The records move into chunks of up to 1,000 (DatasetRecordChunks.MaxRecords) consecutive rows of a file.
            migrationBuilder.Sql(@"
INSERT INTO dataset_record_chunks (ims_org, sandbox, batch_id, file_index, first_row, data_set_id, record_count, records)
SELECT ims_org, sandbox, batch_id, file_index, min(row_number), min(data_set_id), count(*),
       convert_to(string_agg(record::text, E'
' ORDER BY row_number), 'UTF8')
FROM dataset_records
GROUP BY ims_org, sandbox, batch_id, file_index, row_number / 1000;");

            migrationBuilder.DropTable(
                name: "dataset_records");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dataset_records",
                columns: table => new
                {
                    ims_org = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    batch_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    file_index = table.Column<int>(type: "integer", nullable: false),
                    row_number = table.Column<long>(type: "bigint", nullable: false),
                    data_set_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    record = table.Column<string>(type: "json", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dataset_records", x => new { x.ims_org, x.sandbox, x.batch_id, x.file_index, x.row_number });
                });

            migrationBuilder.CreateIndex(
                name: "ix_dataset_records_data_set",
                table: "dataset_records",
                columns: new[] { "ims_org", "sandbox", "data_set_id" });
            // Rows are renumbered from each chunk's first row (the rows refused between them are not kept in a chunk);
            // the order, all a download needs, stays, and the numbers stay below the next chunk's first row.
            migrationBuilder.Sql(@"
INSERT INTO dataset_records (ims_org, sandbox, batch_id, file_index, row_number, data_set_id, record)
SELECT c.ims_org, c.sandbox, c.batch_id, c.file_index, c.first_row + l.n - 1, c.data_set_id, l.line::json
FROM dataset_record_chunks c,
     unnest(string_to_array(convert_from(c.records, 'UTF8'), E'
')) WITH ORDINALITY AS l(line, n);");

            migrationBuilder.DropTable(
                name: "dataset_record_chunks");
        }
    }
}

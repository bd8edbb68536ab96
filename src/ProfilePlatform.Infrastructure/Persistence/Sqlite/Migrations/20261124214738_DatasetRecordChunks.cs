using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProfilePlatform.Infrastructure.Persistence.Sqlite.Migrations
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
                    ims_org = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    batch_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    file_index = table.Column<int>(type: "INTEGER", nullable: false),
                    first_row = table.Column<long>(type: "INTEGER", nullable: false),
                    data_set_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    record_count = table.Column<int>(type: "INTEGER", nullable: false),
                    records = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dataset_record_chunks", x => new { x.ims_org, x.sandbox, x.batch_id, x.file_index, x.first_row });
                });

            migrationBuilder.CreateIndex(
                name: "ix_dataset_record_chunks_data_set",
                table: "dataset_record_chunks",
                columns: new[] { "ims_org", "sandbox", "data_set_id" });
            // The records move into chunks of up to 1,000 (DatasetRecordChunks.MaxRecords) consecutive rows of a file.
            migrationBuilder.Sql(@"
INSERT INTO dataset_record_chunks (ims_org, sandbox, batch_id, file_index, first_row, data_set_id, record_count, records)
SELECT ims_org, sandbox, batch_id, file_index, min(row_number), min(data_set_id), count(*),
       CAST(group_concat(record, char(10) ORDER BY row_number) AS BLOB)
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

            migrationBuilder.CreateIndex(
                name: "ix_dataset_records_data_set",
                table: "dataset_records",
                columns: new[] { "ims_org", "sandbox", "data_set_id" });
            // Rows are renumbered from each chunk's first row (the rows refused between them are not kept in a chunk);
            // the order, all a download needs, stays, and the numbers stay below the next chunk's first row.
            migrationBuilder.Sql(@"
WITH RECURSIVE split(ims_org, sandbox, batch_id, file_index, data_set_id, row_number, line, rest) AS (
    SELECT ims_org, sandbox, batch_id, file_index, data_set_id, first_row - 1, NULL, CAST(records AS TEXT) || char(10)
    FROM dataset_record_chunks
    UNION ALL
    SELECT ims_org, sandbox, batch_id, file_index, data_set_id, row_number + 1,
           substr(rest, 1, instr(rest, char(10)) - 1), substr(rest, instr(rest, char(10)) + 1)
    FROM split
    WHERE rest <> ''
)
INSERT INTO dataset_records (ims_org, sandbox, batch_id, file_index, row_number, data_set_id, record)
SELECT ims_org, sandbox, batch_id, file_index, row_number, data_set_id, line
FROM split
WHERE line IS NOT NULL;");

            migrationBuilder.DropTable(
                name: "dataset_record_chunks");
        }
    }
}

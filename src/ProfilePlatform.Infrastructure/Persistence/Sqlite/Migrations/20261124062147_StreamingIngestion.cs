using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProfilePlatform.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StreamingIngestion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "streaming_inlets",
                columns: table => new
                {
                    ims_org = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    inlet_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    connection_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    source_id = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    data_type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    authentication_required = table.Column<bool>(type: "INTEGER", nullable: false),
                    provider_id = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    etag = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created = table.Column<long>(type: "INTEGER", nullable: false),
                    updated = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    created_client = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_streaming_inlets", x => new { x.ims_org, x.sandbox, x.inlet_id });
                });

            migrationBuilder.CreateTable(
                name: "streaming_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ims_org = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    data_set_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    inlet_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    is_valid = table.Column<bool>(type: "INTEGER", nullable: false),
                    xaction_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    received_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    record = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_streaming_messages", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_streaming_inlets_connection",
                table: "streaming_inlets",
                columns: new[] { "ims_org", "sandbox", "connection_id" });

            migrationBuilder.CreateIndex(
                name: "ix_streaming_inlets_tenant",
                table: "streaming_inlets",
                columns: new[] { "ims_org", "sandbox", "created" });

            migrationBuilder.CreateIndex(
                name: "ux_streaming_inlets_inlet",
                table: "streaming_inlets",
                column: "inlet_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_streaming_messages_target",
                table: "streaming_messages",
                columns: new[] { "ims_org", "sandbox", "data_set_id", "is_valid", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "streaming_inlets");

            migrationBuilder.DropTable(
                name: "streaming_messages");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ProfilePlatform.Infrastructure.Persistence.PostgreSql.Migrations
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
                    ims_org = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    inlet_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    connection_id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true),
                    name = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    description = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    source_id = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    data_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    authentication_required = table.Column<bool>(type: "boolean", nullable: false),
                    provider_id = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    etag = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created = table.Column<long>(type: "bigint", nullable: false),
                    updated = table.Column<long>(type: "bigint", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    updated_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_client = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_streaming_inlets", x => new { x.ims_org, x.sandbox, x.inlet_id });
                });

            migrationBuilder.CreateTable(
                name: "streaming_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ims_org = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    sandbox = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    data_set_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    inlet_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    is_valid = table.Column<bool>(type: "boolean", nullable: false),
                    xaction_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    received_ms = table.Column<long>(type: "bigint", nullable: false),
                    record = table.Column<string>(type: "text", nullable: false)
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

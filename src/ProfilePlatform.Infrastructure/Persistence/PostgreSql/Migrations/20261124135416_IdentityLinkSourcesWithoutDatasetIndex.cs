using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProfilePlatform.Infrastructure.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class IdentityLinkSourcesWithoutDatasetIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_identity_link_sources_dataset",
                table: "identity_link_sources");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_identity_link_sources_dataset",
                table: "identity_link_sources",
                columns: new[] { "ims_org", "sandbox", "dataset_id", "first_xid" });
        }
    }
}

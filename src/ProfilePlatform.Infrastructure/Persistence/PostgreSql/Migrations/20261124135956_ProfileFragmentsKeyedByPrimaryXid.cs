using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProfilePlatform.Infrastructure.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ProfileFragmentsKeyedByPrimaryXid : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_profile_fragments",
                table: "profile_fragments");

            migrationBuilder.DropIndex(
                name: "ix_profile_fragments_primary_xid",
                table: "profile_fragments");

            migrationBuilder.AddPrimaryKey(
                name: "PK_profile_fragments",
                table: "profile_fragments",
                columns: new[] { "ims_org", "sandbox", "primary_xid", "dataset_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_profile_fragments",
                table: "profile_fragments");

            migrationBuilder.AddPrimaryKey(
                name: "PK_profile_fragments",
                table: "profile_fragments",
                columns: new[] { "ims_org", "sandbox", "dataset_id", "primary_xid" });

            migrationBuilder.CreateIndex(
                name: "ix_profile_fragments_primary_xid",
                table: "profile_fragments",
                columns: new[] { "ims_org", "sandbox", "primary_xid" });
        }
    }
}

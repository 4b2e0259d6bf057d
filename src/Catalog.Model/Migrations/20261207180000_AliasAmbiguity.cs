using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Catalog.Model.Migrations
{
    /// <inheritdoc />
    public partial class AliasAmbiguity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ambiguity",
                table: "technology_aliases",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ambiguity",
                table: "technology_aliases");
        }
    }
}

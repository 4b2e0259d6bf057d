using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Catalog.Model.Migrations
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "ix_technology_aliases_normalized_trgm",
                table: "technology_aliases",
                column: "normalized")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            // Expression indexes, which the EF model cannot describe: `search` matches talk titles and short
            // definitions by their NFKC-folded lower-case form, exactly as written here.
            migrationBuilder.Sql("CREATE INDEX ix_talks_title_trgm ON talks USING gin (lower(normalize(title, NFKC)) gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX ix_technology_definitions_short_trgm ON technology_definitions USING gin (lower(normalize(short, NFKC)) gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_technology_definitions_short_trgm;");
            migrationBuilder.Sql("DROP INDEX ix_talks_title_trgm;");

            migrationBuilder.DropIndex(
                name: "ix_technology_aliases_normalized_trgm",
                table: "technology_aliases");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}

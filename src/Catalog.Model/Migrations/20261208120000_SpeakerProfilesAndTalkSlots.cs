using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Catalog.Model.Migrations
{
    /// <summary>
    /// A speaker's profile page (<c>people.profile_url</c>), and a talk's time slot and track as the notes write them
    /// (<c>talks.time</c>, <c>talks.track</c>): write-ups put them beside a talk's title, which no longer keeps them.
    /// All nullable, so the rows already imported stay valid until the next import fills them.
    /// </summary>
    [DbContext(typeof(CatalogDbContext))]
    [Migration("20261208120000_SpeakerProfilesAndTalkSlots")]
    public partial class SpeakerProfilesAndTalkSlots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "profile_url",
                table: "people",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "time",
                table: "talks",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "track",
                table: "talks",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "profile_url", table: "people");
            migrationBuilder.DropColumn(name: "time", table: "talks");
            migrationBuilder.DropColumn(name: "track", table: "talks");
        }
    }
}

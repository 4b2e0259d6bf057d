using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Catalog.Model.Migrations
{
    /// <inheritdoc />
    public partial class LandscapeFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "landscape_accepted_on",
                table: "technologies",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "landscape_archived_on",
                table: "technologies",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "landscape_category",
                table: "technologies",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "landscape_description",
                table: "technologies",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "landscape_graduated_on",
                table: "technologies",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "landscape_incubating_on",
                table: "technologies",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "landscape_logo",
                table: "technologies",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "landscape_subcategory",
                table: "technologies",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "maturity",
                table: "technologies",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "cncf_programs",
                table: "organizations",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "crunchbase",
                table: "organizations",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "member_since",
                table: "organizations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "membership",
                table: "organizations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_technologies_maturity",
                table: "technologies",
                column: "maturity");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_technologies_maturity",
                table: "technologies");

            migrationBuilder.DropColumn(
                name: "landscape_accepted_on",
                table: "technologies");

            migrationBuilder.DropColumn(
                name: "landscape_archived_on",
                table: "technologies");

            migrationBuilder.DropColumn(
                name: "landscape_category",
                table: "technologies");

            migrationBuilder.DropColumn(
                name: "landscape_description",
                table: "technologies");

            migrationBuilder.DropColumn(
                name: "landscape_graduated_on",
                table: "technologies");

            migrationBuilder.DropColumn(
                name: "landscape_incubating_on",
                table: "technologies");

            migrationBuilder.DropColumn(
                name: "landscape_logo",
                table: "technologies");

            migrationBuilder.DropColumn(
                name: "landscape_subcategory",
                table: "technologies");

            migrationBuilder.DropColumn(
                name: "maturity",
                table: "technologies");

            migrationBuilder.DropColumn(
                name: "cncf_programs",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "crunchbase",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "member_since",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "membership",
                table: "organizations");
        }
    }
}

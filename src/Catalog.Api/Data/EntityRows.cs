using Catalog.Api.Organizations;
using Catalog.Api.People;
using Catalog.Api.Talks;
using Catalog.Api.Technologies;
using Npgsql;

namespace Catalog.Api.Data;

/// <summary>
/// Entities read column by column from the hot paths' own SQL (<see cref="OwnSql"/>). Each column list is in the
/// order its reader expects; a test fails when the EF Core model gains a column that a list lacks.
/// </summary>
public static class EntityRows
{
    public static readonly string[] TechnologyColumns =
    [
        "id", "slug", "name", "kind", "homepage", "repository", "mention_count", "maturity",
        "landscape_category", "landscape_subcategory", "landscape_description", "landscape_logo",
        "landscape_accepted_on", "landscape_incubating_on", "landscape_graduated_on", "landscape_archived_on",
    ];
    public static readonly string[] TalkColumns = ["id", "slug", "title", "event_id", "position"];
    public static readonly string[] TalkSpeakerColumns = ["talk_id", "person_id", "position", "organization_id"];
    public static readonly string[] PersonColumns = ["id", "slug", "name", "handle"];
    public static readonly string[] OrganizationColumns =
        ["id", "slug", "name", "name_ja", "kind", "parent_id", "homepage", "aliases", "membership", "member_since", "cncf_programs", "crunchbase"];

    /// <summary>A select list: each column prefixed with the table's alias.</summary>
    public static string Select(string[] columns, string alias) => string.Join(", ", columns.Select(c => $"{alias}.{c}"));

    /// <summary>A technology from its <see cref="TechnologyColumns"/>, starting at column <paramref name="at"/>.</summary>
    public static Technology Technology(NpgsqlDataReader row, int at) => new()
    {
        Id = row.GetInt32(at),
        Slug = row.GetString(at + 1),
        Name = row.GetString(at + 2),
        Kind = EnumText<TechnologyKind>.Parse(row.GetString(at + 3)),
        Homepage = NullableString(row, at + 4),
        Repository = NullableString(row, at + 5),
        MentionCount = row.GetInt32(at + 6),
        Maturity = row.IsDBNull(at + 7) ? null : EnumText<Maturity>.Parse(row.GetString(at + 7)),
        Landscape = row.IsDBNull(at + 8) ? null : new LandscapeEntry
        {
            Category = row.GetString(at + 8),
            Subcategory = row.GetString(at + 9),
            Description = NullableString(row, at + 10),
            Logo = NullableString(row, at + 11),
            AcceptedOn = NullableDate(row, at + 12),
            IncubatingOn = NullableDate(row, at + 13),
            GraduatedOn = NullableDate(row, at + 14),
            ArchivedOn = NullableDate(row, at + 15),
        },
    };

    public static Talk Talk(NpgsqlDataReader row, int at) => new()
    {
        Id = row.GetInt32(at),
        Slug = row.GetString(at + 1),
        Title = row.GetString(at + 2),
        EventId = row.GetInt32(at + 3),
        Position = row.GetInt32(at + 4),
    };

    /// <summary>A talk's speaker from its <see cref="TalkSpeakerColumns"/>, the person's <see cref="PersonColumns"/> next.</summary>
    public static TalkSpeaker TalkSpeaker(NpgsqlDataReader row, int at) => new()
    {
        TalkId = row.GetInt32(at),
        PersonId = row.GetInt32(at + 1),
        Position = row.GetInt32(at + 2),
        OrganizationId = row.IsDBNull(at + 3) ? null : row.GetInt32(at + 3),
        Person = Person(row, at + TalkSpeakerColumns.Length),
    };

    public static Person Person(NpgsqlDataReader row, int at) => new()
    {
        Id = row.GetInt32(at),
        Slug = row.GetString(at + 1),
        Name = row.GetString(at + 2),
        Handle = NullableString(row, at + 3),
    };

    public static Organization Organization(NpgsqlDataReader row, int at) => new()
    {
        Id = row.GetInt32(at),
        Slug = row.GetString(at + 1),
        Name = row.GetString(at + 2),
        NameJa = NullableString(row, at + 3),
        Kind = EnumText<OrganizationKind>.Parse(row.GetString(at + 4)),
        ParentId = row.IsDBNull(at + 5) ? null : row.GetInt32(at + 5),
        Homepage = NullableString(row, at + 6),
        Aliases = row.IsDBNull(at + 7) ? [] : row.GetFieldValue<List<string>>(at + 7),
        Membership = NullableString(row, at + 8),
        MemberSince = NullableDate(row, at + 9),
        CncfPrograms = row.IsDBNull(at + 10) ? [] : row.GetFieldValue<List<string>>(at + 10),
        Crunchbase = NullableString(row, at + 11),
    };

    private static string? NullableString(NpgsqlDataReader row, int at) => row.IsDBNull(at) ? null : row.GetString(at);

    private static DateOnly? NullableDate(NpgsqlDataReader row, int at) => row.IsDBNull(at) ? null : row.GetFieldValue<DateOnly>(at);
}

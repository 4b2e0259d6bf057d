using System.Collections.Concurrent;
using System.Data;
using Catalog.Api.Categories;
using Catalog.Api.Data;
using Catalog.Api.Events;
using Catalog.Api.Notes;
using Catalog.Api.Organizations;
using Catalog.Api.People;
using Catalog.Api.Talks;
using Catalog.Api.Technologies;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Catalog.Api.Snapshot;

/// <summary>
/// Reads the whole catalog and its version from PostgreSQL in one repeatable-read transaction, as one batch of plain
/// SELECTs read straight into the entities. EF Core maps the tables (and a test checks that every column it maps is
/// read here, to the same values); it is not used for this read because its first run compiled a query per table,
/// most of a cold start's build.
/// </summary>
public static class CatalogSnapshotReader
{
    /// <summary>The version the database is at now: one cheap query, to know whether a rebuild is needed.</summary>
    public static async Task<long> ReadVersionAsync(CatalogDbContext db, CancellationToken ct)
    {
        // On the context's own pooled connection: a write's answer asks this before it reads its own change.
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand(VersionSql, (NpgsqlConnection)db.Database.GetDbConnection());
            return (long)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Every row, with the version and whether a seed was imported, all of one committed state; where a row equals
    /// its entity in <paramref name="previous"/>, that entity (see <see cref="Unchanged"/>).
    /// </summary>
    public static async Task<(long Version, bool Imported, CatalogRows Rows)> ReadAsync(CatalogDbContext db, CatalogSnapshot? previous, CancellationToken ct)
    {
        await using var connection = await OpenAsync(db, ct).ConfigureAwait(false);
        // One transaction, so the rows and the version belong to one committed state whatever commits meanwhile.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var sql in Statements) batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));
        await using var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);

        await reader.ReadAsync(ct).ConfigureAwait(false);
        var version = reader.GetInt64(0);
        await reader.NextResultAsync(ct).ConfigureAwait(false);
        await reader.ReadAsync(ct).ConfigureAwait(false);
        var imported = reader.GetBoolean(0);
        var texts = new SharedTexts();
        var unchanged = new Unchanged(db.Model, previous);
        var rows = new CatalogRows(
            await NextAsync(reader, r => unchanged.Keep(ReadTechnology(r, texts)), ct).ConfigureAwait(false),
            await NextAsync(reader, r => unchanged.Keep(ReadAlias(r)), ct).ConfigureAwait(false),
            await NextAsync(reader, r => unchanged.Keep(ReadDefinition(r, texts)), ct).ConfigureAwait(false),
            await NextAsync(reader, ReadTechnologyCategory, ct).ConfigureAwait(false),
            await NextAsync(reader, r => ReadMaker(r, texts), ct).ConfigureAwait(false),
            await NextAsync(reader, r => ReadRelation(r, texts), ct).ConfigureAwait(false),
            await NextAsync(reader, ReadCategory, ct).ConfigureAwait(false),
            await NextAsync(reader, ReadOrganization, ct).ConfigureAwait(false),
            await NextAsync(reader, ReadPerson, ct).ConfigureAwait(false),
            await NextAsync(reader, r => ReadEvent(r, texts), ct).ConfigureAwait(false),
            await NextAsync(reader, ReadTalk, ct).ConfigureAwait(false),
            await NextAsync(reader, ReadSpeaker, ct).ConfigureAwait(false),
            await NextAsync(reader, ReadTalkOrganization, ct).ConfigureAwait(false),
            await NextAsync(reader, ReadDocument, ct).ConfigureAwait(false),
            await NextAsync(reader, ReadSection, ct).ConfigureAwait(false),
            await NextAsync(reader, r => unchanged.Keep(ReadMention(r, texts)), ct).ConfigureAwait(false));
        await reader.DisposeAsync().ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return (version, imported, rows);
    }

    private const string VersionSql = "SELECT version FROM catalog_version";

    // In the order ReadAsync reads them; each SELECT's columns in the order of its Read... below.
    private static readonly string[] Statements =
    [
        VersionSql,
        "SELECT EXISTS (SELECT 1 FROM seed_state)",
        "SELECT id, slug, name, kind, homepage, repository, mention_count, maturity, landscape_category, landscape_subcategory, "
            + "landscape_description, landscape_logo, landscape_accepted_on, landscape_incubating_on, landscape_graduated_on, landscape_archived_on FROM technologies",
        "SELECT id, technology_id, text, normalized, kind, lang, case_sensitive, match, ambiguity FROM technology_aliases",
        "SELECT id, technology_id, lang, short, long, source_url FROM technology_definitions",
        "SELECT technology_id, category_id, position FROM technology_categories",
        "SELECT technology_id, organization_id, role, source_url FROM technology_organizations",
        "SELECT id, from_id, to_id, kind, source_url FROM technology_relations",
        "SELECT id, slug, name_en, name_ja, parent_id, position, aliases FROM categories",
        "SELECT id, slug, name, name_ja, kind, parent_id, homepage, aliases, membership, member_since, cncf_programs, crunchbase FROM organizations",
        "SELECT id, slug, name, handle, profile_url FROM people",
        "SELECT id, slug, name, edition, date, city, homepage, source_url FROM events",
        "SELECT id, slug, title, event_id, position, time, track FROM talks",
        "SELECT talk_id, person_id, position, organization_id FROM talk_speakers",
        "SELECT talk_id, organization_id, position FROM talk_organizations",
        "SELECT id, slug, path, title, blog, author, language, published_on, url, event_id, content FROM documents",
        "SELECT id, document_id, slug, kind, heading, level, position, start_line, end_line, talk_id FROM sections",
        "SELECT id, section_id, technology_id, alias_id, line, \"column\", matched_text, line_text FROM mentions",
    ];

    // One data source per catalog connection string (one in a service), for reading whole catalogs alone: a 1 MB
    // read buffer (the default 8 KB one is refilled, and its command timeout restarted, tens of thousands of times
    // per large read: a quarter of the reading time at 1000x the seed), no type loading (every column read is of a
    // built-in type), and no pool (builds are rare, and a 1 MB buffer is not worth keeping open between them).
    private static readonly ConcurrentDictionary<string, NpgsqlDataSource> Sources = new(StringComparer.Ordinal);

    private static async Task<NpgsqlConnection> OpenAsync(CatalogDbContext db, CancellationToken ct)
    {
        var source = Sources.GetOrAdd(db.Database.GetConnectionString()!, static connectionString =>
        {
            var builder = new NpgsqlDataSourceBuilder(
                new NpgsqlConnectionStringBuilder(connectionString) { ReadBufferSize = 1 << 20, Pooling = false }.ConnectionString);
            builder.ConfigureTypeLoading(types => types.EnableTypeLoading(false));
            return builder.Build();
        });
        return await source.OpenConnectionAsync(ct).ConfigureAwait(false);
    }

    private static async Task<List<T>> NextAsync<T>(NpgsqlDataReader reader, Func<NpgsqlDataReader, T> read, CancellationToken ct)
    {
        await reader.NextResultAsync(ct).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false)) rows.Add(read(reader));
        return rows;
    }

    /// <summary>
    /// One string for each distinct value of the columns whose values repeat in any catalog: source URLs (one page
    /// backs many facts), the landscape's categories, and a mention's matched text and line (a line that mentions
    /// several technologies). The rest are mostly unique, so sharing them would cost a look-up for nothing.
    /// </summary>
    private sealed class SharedTexts
    {
        private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);

        [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
        public string? Share(string? value)
        {
            if (value is null) return null;
            if (_seen.TryGetValue(value, out var kept)) return kept;
            _seen.Add(value, value);
            return value;
        }
    }

    private static Technology ReadTechnology(NpgsqlDataReader r, SharedTexts texts) => new()
    {
        Id = r.GetInt32(0),
        Slug = r.GetString(1),
        Name = r.GetString(2),
        Kind = Kebab<TechnologyKind>(r, 3),
        Homepage = Text(r, 4),
        Repository = Text(r, 5),
        MentionCount = r.GetInt32(6),
        Maturity = NullableKebab<Maturity>(r, 7),
        // The landscape's columns are all null for a technology it does not list (its category is required).
        Landscape = r.IsDBNull(8) ? null : new LandscapeEntry
        {
            Category = texts.Share(r.GetString(8)),
            Subcategory = texts.Share(r.GetString(9)),
            Description = Text(r, 10),
            Logo = Text(r, 11),
            AcceptedOn = Date(r, 12),
            IncubatingOn = Date(r, 13),
            GraduatedOn = Date(r, 14),
            ArchivedOn = Date(r, 15),
        },
    };

    private static TechnologyAlias ReadAlias(NpgsqlDataReader r)
    {
        // A third of the aliases are already in normal form: one string for both.
        var text = r.GetString(2);
        var normalized = r.GetString(3);
        return new()
        {
            Id = r.GetInt32(0),
            TechnologyId = r.GetInt32(1),
            Text = text,
            Normalized = normalized == text ? text : normalized,
            Kind = Kebab<AliasKind>(r, 4),
            Lang = NullableKebab<Lang>(r, 5),
            CaseSensitive = r.GetBoolean(6),
            Match = r.GetBoolean(7),
            Ambiguity = r.IsDBNull(8) ? null : string.Intern(r.GetString(8)),
        };
    }

    private static TechnologyDefinition ReadDefinition(NpgsqlDataReader r, SharedTexts texts) => new()
    {
        Id = r.GetInt32(0),
        TechnologyId = r.GetInt32(1),
        Lang = Kebab<Lang>(r, 2),
        Short = r.GetString(3),
        Long = Text(r, 4),
        SourceUrl = texts.Share(Text(r, 5)),
    };

    private static TechnologyCategory ReadTechnologyCategory(NpgsqlDataReader r) => new()
    {
        TechnologyId = r.GetInt32(0),
        CategoryId = r.GetInt32(1),
        Position = r.GetInt32(2),
    };

    private static TechnologyOrganization ReadMaker(NpgsqlDataReader r, SharedTexts texts) => new()
    {
        TechnologyId = r.GetInt32(0),
        OrganizationId = r.GetInt32(1),
        Role = Kebab<OrganizationRole>(r, 2),
        SourceUrl = texts.Share(Text(r, 3)),
    };

    private static TechnologyRelation ReadRelation(NpgsqlDataReader r, SharedTexts texts) => new()
    {
        Id = r.GetInt32(0),
        FromId = r.GetInt32(1),
        ToId = r.GetInt32(2),
        Kind = Kebab<RelationKind>(r, 3),
        SourceUrl = texts.Share(Text(r, 4)),
    };

    private static Category ReadCategory(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt32(0),
        Slug = r.GetString(1),
        NameEn = r.GetString(2),
        NameJa = r.GetString(3),
        ParentId = Int(r, 4),
        Position = r.GetInt32(5),
        Aliases = r.GetFieldValue<List<string>>(6),
    };

    private static Organization ReadOrganization(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt32(0),
        Slug = r.GetString(1),
        Name = r.GetString(2),
        NameJa = Text(r, 3),
        Kind = Kebab<OrganizationKind>(r, 4),
        ParentId = Int(r, 5),
        Homepage = Text(r, 6),
        Aliases = r.GetFieldValue<List<string>>(7),
        Membership = Text(r, 8),
        MemberSince = Date(r, 9),
        CncfPrograms = r.GetFieldValue<List<string>>(10),
        Crunchbase = Text(r, 11),
    };

    private static Person ReadPerson(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt32(0),
        Slug = r.GetString(1),
        Name = r.GetString(2),
        Handle = Text(r, 3),
        ProfileUrl = Text(r, 4),
    };

    private static Event ReadEvent(NpgsqlDataReader r, SharedTexts texts) => new()
    {
        Id = r.GetInt32(0),
        Slug = r.GetString(1),
        Name = r.GetString(2),
        Edition = Text(r, 3),
        Date = Date(r, 4),
        City = Text(r, 5),
        Homepage = Text(r, 6),
        SourceUrl = texts.Share(Text(r, 7)),
    };

    private static Talk ReadTalk(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt32(0),
        Slug = r.GetString(1),
        Title = r.GetString(2),
        EventId = r.GetInt32(3),
        Position = r.GetInt32(4),
        Time = Text(r, 5),
        Track = Text(r, 6),
    };

    private static TalkSpeaker ReadSpeaker(NpgsqlDataReader r) => new()
    {
        TalkId = r.GetInt32(0),
        PersonId = r.GetInt32(1),
        Position = r.GetInt32(2),
        OrganizationId = Int(r, 3),
    };

    private static TalkOrganization ReadTalkOrganization(NpgsqlDataReader r) => new()
    {
        TalkId = r.GetInt32(0),
        OrganizationId = r.GetInt32(1),
        Position = r.GetInt32(2),
    };

    private static SourceDocument ReadDocument(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt32(0),
        Slug = r.GetString(1),
        Path = r.GetString(2),
        Title = r.GetString(3),
        Blog = Text(r, 4),
        Author = Text(r, 5),
        Language = r.GetString(6),
        PublishedOn = Date(r, 7),
        Url = Text(r, 8),
        EventId = Int(r, 9),
        Content = r.GetString(10),
    };

    private static Section ReadSection(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt32(0),
        DocumentId = r.GetInt32(1),
        Slug = r.GetString(2),
        Kind = Kebab<SectionKind>(r, 3),
        Heading = Text(r, 4),
        Level = r.GetInt32(5),
        Position = r.GetInt32(6),
        StartLine = r.GetInt32(7),
        EndLine = r.GetInt32(8),
        TalkId = Int(r, 9),
    };

    private static Mention ReadMention(NpgsqlDataReader r, SharedTexts texts) => new()
    {
        Id = r.GetInt64(0),
        SectionId = r.GetInt32(1),
        TechnologyId = r.GetInt32(2),
        AliasId = Int(r, 3),
        Line = r.GetInt32(4),
        Column = r.GetInt32(5),
        MatchedText = texts.Share(r.GetString(6)),
        LineText = texts.Share(r.GetString(7)),
    };

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static int? Int(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

    private static DateOnly? Date(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);

    private static T Kebab<T>(NpgsqlDataReader r, int i) where T : struct, Enum => EnumText<T>.Parse(r.GetString(i));

    private static T? NullableKebab<T>(NpgsqlDataReader r, int i) where T : struct, Enum => r.IsDBNull(i) ? null : Kebab<T>(r, i);
}

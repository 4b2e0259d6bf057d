using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Catalog.Ingest.Import;

/// <summary>Reads one seed/catalog YAML file into a <see cref="SeedCatalog"/>, collecting every problem with its line.</summary>
internal static class CatalogFileReader
{
    private static readonly string[] TopLevelKeys = ["events", "documents", "categories", "organizations", "people", "talks", "technologies", "aliases", "definitions", "linking"];

    /// <summary>How deep lists and mappings may nest: the format needs five levels; far deeper input is an attack on the parser's stack.</summary>

    /// <summary>
    /// Files read before, by path and text: an import reads every file of the seed folder each time, and most are
    /// unchanged since the last import. What a file reads into is immutable, so it is shared.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string File, string Text), (SeedCatalog Catalog, SeedError[] Errors)> Cache = new();

    /// <summary>How many files the cache keeps before it starts again.</summary>
    private const int CachedFiles = 64;

    public static void Read(string file, string text, SeedCatalog into, List<SeedError> errors)
    {
        if (!Cache.TryGetValue((file, text), out var read))
        {
            var catalog = new SeedCatalog();
            var found = new List<SeedError>();
            ReadFile(file, text, catalog, found);
            read = (catalog, [.. found]);
            if (Cache.Count >= CachedFiles) Cache.Clear();
            Cache[(file, text)] = read;
        }
        into.AddRange(read.Catalog);
        errors.AddRange(read.Errors);
    }

    private static void ReadFile(string file, string text, SeedCatalog into, List<SeedError> errors)
    {
        if (YamlText.Load(file, text, errors) is not { } stream) return;
        if (stream.Documents.Count == 0) return;
        if (stream.Documents.Count > 1)
        {
            errors.Add(new SeedError(file, (int)stream.Documents[1].RootNode.Start.Line, "A catalog file holds one YAML document."));
            return;
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new SeedError(file, (int)stream.Documents[0].RootNode.Start.Line,
                $"A catalog file is a mapping with any of the keys: {string.Join(", ", TopLevelKeys)}."));
            return;
        }

        var map = new YamlMap(root, file, errors);
        into.Events.AddRange(map.Maps("events").Select(ReadEvent));
        into.Documents.AddRange(map.Maps("documents").Select(ReadDocument));
        into.Categories.AddRange(map.Maps("categories").Select(ReadCategory));
        into.Organizations.AddRange(map.Maps("organizations").Select(ReadOrganization));
        into.People.AddRange(map.Maps("people").Select(ReadPerson));
        into.Talks.AddRange(map.Maps("talks").Select(ReadTalk));
        into.Technologies.AddRange(map.Maps("technologies").Select(ReadTechnology));
        into.Aliases.AddRange(map.Maps("aliases").Select(a => Done(a, new SeedExtraAlias(
            a.At, a.Required("technology"), ReadAlias(a)))));
        into.Definitions.AddRange(map.Maps("definitions").Select(d => Done(d, new SeedExtraDefinition(
            d.At, d.Required("technology"), ReadDefinition(d)))));
        into.Linking.AddRange(map.Maps("linking").Select(ReadLinking).OfType<SeedLinking>());
        map.RejectUnknownKeys();
    }

    /// <summary>An entry of the <c>linking</c> list: <c>{ name: Redis, link: always }</c> or <c>link: context</c>.</summary>
    private static SeedLinking? ReadLinking(YamlMap m)
    {
        var name = m.Required("name");
        var link = m.Required("link");
        m.Optional("why");
        Done(m, 0);
        if (link is not ("always" or "context"))
        {
            if (link.Length > 0) m.Error($"'link' is 'always' (the name links wherever it is written) or 'context' (only with evidence), not '{link}'.");
            return null;
        }
        return name.Length == 0 ? null : new SeedLinking(m.At, name, link == "context");
    }


    private static T Done<T>(YamlMap map, T value)
    {
        map.RejectUnknownKeys();
        return value;
    }

    private static SeedEvent ReadEvent(YamlMap m) => Done(m, new SeedEvent(
        m.At, m.Slug(), m.Required("name"), m.Optional("edition"), m.Date("date"), m.Optional("city"), m.Url("homepage"), m.Url("source")));

    private static SeedDocument ReadDocument(YamlMap m) => Done(m, new SeedDocument(
        m.At, m.Slug(), m.Required("file"), m.Required("title"), m.Optional("blog"), m.Optional("author"), m.Required("language"),
        m.Date("published"), m.Url("url"), m.Optional("event"),
        m.Maps("sections").Select(s => Done(s, new SeedSectionEntry(s.At, s.Slug(), s.Required("heading"), s.Enum<SectionKind>("kind"), s.Int("occurrence", 1)))).ToList())
    {
        Spellings = m.Maps("spellings").Select(s => Done(s, new SeedSpelling(s.At, s.Required("text"), s.Required("technology")))).ToList(),
    });

    private static SeedCategory ReadCategory(YamlMap m) => Done(m, new SeedCategory(
        m.At, m.Slug(), m.Required("name-en"), m.Required("name-ja"), m.Optional("parent"), m.Strings("aliases")));

    private static SeedOrganization ReadOrganization(YamlMap m) => Done(m, new SeedOrganization(
        m.At, m.Slug(), m.Required("name"), m.Optional("name-ja"), m.Enum<OrganizationKind>("kind"), m.Optional("parent"),
        m.Url("homepage"), m.Strings("aliases")));

    private static SeedPerson ReadPerson(YamlMap m) => Done(m, new SeedPerson(m.At, m.Slug(), m.Required("name"), m.Optional("handle"), m.Url("profile")));

    private static SeedTalk ReadTalk(YamlMap m) => Done(m, new SeedTalk(
        m.At, m.Slug(), m.Required("document"), m.Required("title"), m.Optional("heading"),
        m.Maps("speakers").Select(s => Done(s, new SeedSpeaker(s.At, s.Required("person"), s.Optional("organization")))).ToList(),
        m.Strings("organizations"), m.Int("occurrence", 1), m.Optional("time"), m.Optional("track")));

    private static SeedTechnology ReadTechnology(YamlMap m)
    {
        var at = m.At;
        var slug = m.Slug();
        var name = m.Required("name");
        var kind = m.Enum<TechnologyKind>("kind");
        var categories = m.Strings("categories");
        if (categories.Count == 0) m.Error("'categories' needs at least one category.");
        var homepage = m.Url("homepage");
        var repository = m.Url("repository");
        var makers = m.Maps("organizations").Select(o => Done(o, new SeedMaker(
            o.At, o.Required("organization"), o.Enum<OrganizationRole>("role"), o.Url("source")))).ToList();
        var aliases = m.Maps("aliases").Select(a => Done(a, ReadAlias(a))).ToList();
        var definitions = ReadDefinitions(m);
        var relations = m.Maps("relations").Select(r => Done(r, new SeedRelation(
            r.At, r.Enum<RelationKind>("kind"), r.Required("target"), r.Url("source")))).ToList();
        return Done(m, new SeedTechnology(at, slug, name, kind, categories, homepage, repository, makers, aliases, definitions, relations)
        {
            NameCaseSensitive = m.Bool("case-sensitive", false),
            NameMatches = m.Bool("match", true),
        });
    }

    private static SeedAlias ReadAlias(YamlMap a) => new(
        a.At, a.Required("text"), a.OptionalEnum<AliasKind>("kind") ?? AliasKind.Other, a.OptionalEnum<Lang>("lang"),
        a.Bool("case-sensitive", false), a.Bool("match", true));

    private static List<SeedDefinition> ReadDefinitions(YamlMap technology)
    {
        var m = technology.Map("definition");
        if (m is null)
        {
            technology.Error("'definition' with 'en' and 'ja' is required.");
            return [];
        }
        var definitions = ReadDefinition(m);
        m.RejectUnknownKeys();
        return definitions;
    }

    /// <summary>A definition's keys (source, en, ja, long-en, long-ja), read from a map that may hold others.</summary>
    private static List<SeedDefinition> ReadDefinition(YamlMap m)
    {
        var source = m.Url("source");
        return
        [
            new(Lang.En, m.Required("en"), m.Optional("long-en"), source),
            new(Lang.Ja, m.Required("ja"), m.Optional("long-ja"), source),
        ];
    }
}

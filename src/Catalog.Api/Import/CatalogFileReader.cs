using Catalog.Api.Notes;
using Catalog.Api.Organizations;
using Catalog.Api.Technologies;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Catalog.Api.Import;

/// <summary>Reads one seed/catalog YAML file into a <see cref="SeedCatalog"/>, collecting every problem with its line.</summary>
internal static class CatalogFileReader
{
    private static readonly string[] TopLevelKeys = ["events", "documents", "categories", "organizations", "people", "talks", "technologies"];

    public static void Read(string file, string text, SeedCatalog into, List<SeedError> errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            errors.Add(new SeedError(file, (int)e.Start.Line, $"Not valid YAML: {Innermost(e).Message}"));
            return;
        }
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
        map.RejectUnknownKeys();
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;

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
        m.Maps("sections").Select(s => Done(s, new SeedSectionEntry(s.At, s.Slug(), s.Required("heading"), s.Enum<SectionKind>("kind")))).ToList()));

    private static SeedCategory ReadCategory(YamlMap m) => Done(m, new SeedCategory(
        m.At, m.Slug(), m.Required("name-en"), m.Required("name-ja"), m.Optional("parent"), m.Strings("aliases")));

    private static SeedOrganization ReadOrganization(YamlMap m) => Done(m, new SeedOrganization(
        m.At, m.Slug(), m.Required("name"), m.Optional("name-ja"), m.Enum<OrganizationKind>("kind"), m.Optional("parent"),
        m.Url("homepage"), m.Strings("aliases")));

    private static SeedPerson ReadPerson(YamlMap m) => Done(m, new SeedPerson(m.At, m.Slug(), m.Required("name"), m.Optional("handle")));

    private static SeedTalk ReadTalk(YamlMap m) => Done(m, new SeedTalk(
        m.At, m.Slug(), m.Required("document"), m.Required("title"), m.Optional("heading"),
        m.Maps("speakers").Select(s => Done(s, new SeedSpeaker(s.At, s.Required("person"), s.Optional("organization")))).ToList(),
        m.Strings("organizations")));

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
        var aliases = m.Maps("aliases").Select(a => Done(a, new SeedAlias(
            a.At, a.Required("text"), a.OptionalEnum<AliasKind>("kind") ?? AliasKind.Other, a.OptionalEnum<Lang>("lang"),
            a.Bool("case-sensitive", false), a.Bool("match", true)))).ToList();
        var definitions = ReadDefinitions(m);
        var relations = m.Maps("relations").Select(r => Done(r, new SeedRelation(
            r.At, r.Enum<RelationKind>("kind"), r.Required("target"), r.Url("source")))).ToList();
        return Done(m, new SeedTechnology(at, slug, name, kind, categories, homepage, repository, makers, aliases, definitions, relations));
    }

    private static List<SeedDefinition> ReadDefinitions(YamlMap technology)
    {
        var m = technology.Map("definition");
        if (m is null)
        {
            technology.Error("'definition' with 'en' and 'ja' is required.");
            return [];
        }
        var source = m.Url("source");
        var definitions = new List<SeedDefinition>
        {
            new(Lang.En, m.Required("en"), m.Optional("long-en"), source),
            new(Lang.Ja, m.Required("ja"), m.Optional("long-ja"), source),
        };
        m.RejectUnknownKeys();
        return definitions;
    }
}

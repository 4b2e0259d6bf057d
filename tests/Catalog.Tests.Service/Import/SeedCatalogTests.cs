using Catalog.Api.Notes;
using Catalog.Api.Technologies;
using Catalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Tests.Import;

/// <summary>Facts of the notes, checked against the imported seed.</summary>
public sealed class SeedCatalogTests(ImportedCatalogFixture catalog) : IClassFixture<ImportedCatalogFixture>
{
    [Fact]
    public async Task Every_heading_of_the_notes_is_a_talk_or_another_section()
    {
        await using var db = catalog.Context();
        var sections = await db.Sections.OrderBy(s => s.Position).ToListAsync();

        Assert.Equal(11, sections.Count(s => s.Kind == SectionKind.Talk && s.TalkId != null));
        Assert.Equal(11, await db.Talks.CountAsync());
        Assert.Contains(sections, s => s.Kind == SectionKind.Booth && s.Heading == "ブースで聞いた話");
        Assert.Contains(sections, s => s.Kind == SectionKind.AfterParty && s.Heading == "懇親会で聞いた話");
        Assert.Equal(SectionKind.Preamble, sections[0].Kind);
        // The sections tile the file: each starts where the previous ended.
        Assert.All(sections.Zip(sections.Skip(1)), p => Assert.Equal(p.First.EndLine + 1, p.Second.StartLine));
    }

    [Fact]
    public async Task The_networking_talk_was_given_by_ichihara_of_ntt()
    {
        await using var db = catalog.Context();
        var talk = await db.Talks.SingleAsync(t => t.Title == "Container Networking Deep dive");
        var speaker = Assert.Single(await db.TalkSpeakers.Include(s => s.Person).Where(s => s.TalkId == talk.Id).ToListAsync());
        Assert.Equal("市原 裕史", speaker.Person!.Name);
        Assert.Equal("ntt", await db.Organizations.Where(o => o.Id == speaker.OrganizationId).Select(o => o.Slug).SingleAsync());
    }

    [Fact]
    public async Task The_runtime_talk_mentions_the_runtimes_it_compared()
    {
        await using var db = catalog.Context();
        var talk = await db.Talks.SingleAsync(t => t.Slug == "container-runtimes-compared");
        var mentioned = await (
            from m in db.Mentions
            join s in db.Sections on m.SectionId equals s.Id
            join t in db.Technologies on m.TechnologyId equals t.Id
            where s.TalkId == talk.Id
            select t.Slug).Distinct().ToListAsync();

        Assert.Superset(new HashSet<string> { "docker", "cri-o", "containerd", "rkt", "runc", "kata-containers", "devicemapper", "overlay2", "storage-driver" }, mentioned.ToHashSet());
    }

    [Fact]
    public async Task A_mention_keeps_the_matched_text_the_whole_line_and_its_number()
    {
        await using var db = catalog.Context();
        var mention = await db.Mentions.SingleAsync(m => m.MatchedText == "concurse ci");
        Assert.Equal(69, mention.Line);
        Assert.Equal("- concurse ci使っている", mention.LineText);
        Assert.Equal(3, mention.Column);
        var technology = await db.Technologies.SingleAsync(t => t.Id == mention.TechnologyId);
        Assert.Equal("concourse-ci", technology.Slug);
    }

    [Theory]
    [InlineData("Kubernets", "kubernetes")]
    [InlineData("k8s", "kubernetes")]
    [InlineData("KUBERNETES", "kubernetes")]
    [InlineData("concurse ci", "concourse-ci")]
    [InlineData("Nvdia-Docker", "nvidia-docker")]
    [InlineData("ipatables", "iptables")]
    [InlineData("Azrure", "azure")]
    [InlineData("ロケット", "rkt")]
    [InlineData("ブイイーサ", "veth")]
    [InlineData("cri-o", "cri-o")]
    public async Task Every_spelling_of_the_notes_resolves_through_the_alias_index(string text, string slug)
    {
        await using var db = catalog.Context();
        var key = TechnologyAlias.Normalize(text);
        var found = await db.TechnologyAliases.Where(a => a.Normalized == key).Select(a => a.Technology!.Slug).SingleAsync();
        Assert.Equal(slug, found);
    }

    [Fact]
    public async Task Every_technology_has_a_category_and_definitions_in_english_and_japanese()
    {
        await using var db = catalog.Context();
        var technologies = await db.Technologies.ToListAsync();
        var definitions = (await db.TechnologyDefinitions.ToListAsync()).ToLookup(d => d.TechnologyId);
        var categorised = (await db.TechnologyCategories.Select(c => c.TechnologyId).ToListAsync()).ToHashSet();

        Assert.True(technologies.Count >= 100, $"{technologies.Count} technologies");
        Assert.All(technologies, t =>
        {
            Assert.Contains(t.Id, categorised);
            // A technology only the CNCF landscape knows has no definition until curated; every other has both.
            if (!definitions.Contains(t.Id)) Assert.NotNull(t.Landscape);
            else Assert.Equal([Lang.En, Lang.Ja], definitions[t.Id].Select(d => d.Lang).Order());
            Assert.All(definitions[t.Id], d => Assert.False(string.IsNullOrWhiteSpace(d.Short)));
        });
        Assert.True(technologies.Count(t => definitions.Contains(t.Id)) >= 100);
    }

    [Fact]
    public async Task The_category_tree_has_two_levels_and_the_short_names_people_use()
    {
        await using var db = catalog.Context();
        var categories = await db.Categories.ToListAsync();
        var byId = categories.ToDictionary(c => c.Id);

        Assert.All(categories.Where(c => c.ParentId is not null), c => Assert.Null(byId[c.ParentId!.Value].ParentId));
        Assert.Equal("runtime", byId[categories.Single(c => c.Slug == "container-runtime").ParentId!.Value].Slug);
        Assert.Contains("CNI", categories.Single(c => c.Slug == "cloud-native-network").Aliases);
        Assert.Contains("CI/CD", categories.Single(c => c.Slug == "continuous-integration-delivery").Aliases);
    }

    [Fact]
    public async Task Typed_relations_link_technologies()
    {
        await using var db = catalog.Context();
        var relations = await db.TechnologyRelations.Select(r => new { From = r.From!.Slug, To = r.To!.Slug, r.Kind }).ToListAsync();

        Assert.Contains(relations, r => r is { From: "istio", To: "envoy", Kind: RelationKind.Uses });
        Assert.Contains(relations, r => r is { From: "cri-o", To: "cri", Kind: RelationKind.Implements });
    }

    [Fact]
    public async Task A_case_insensitive_alias_lookup_is_one_probe_of_the_alias_index()
    {
        await using var db = catalog.Context();
        await using var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // With sequential scans priced out, the plan shows which index can answer the look-up alone.
        command.CommandText = "SET enable_seqscan = off; EXPLAIN SELECT technology_id FROM technology_aliases WHERE normalized = 'k8s'";
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(0));

        Assert.StartsWith("Index Scan using ix_technology_aliases_normalized", plan[0], StringComparison.Ordinal);
        Assert.DoesNotContain(plan, l => l.Contains("Filter", StringComparison.Ordinal));
    }
}

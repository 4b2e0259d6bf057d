using Catalog.Ingest.Import;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;
using Catalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Catalog.Tests.Import;

/// <summary>Broken seed files fail with the file, the line and the problem, and leave the database as it was.</summary>
public sealed class BrokenSeedTests : IDisposable
{
    private readonly ScratchSeed _seed = Seeds.Copy();

    public void Dispose() => _seed.Dispose();

    private SeedError SingleError()
    {
        var exception = Assert.Throws<SeedException>(() => SeedLoader.Load(_seed.Root));
        return Assert.Single(exception.Errors);
    }

    private static void AssertAt(SeedError error, string file, int line, string messagePart)
    {
        Assert.EndsWith(file, error.File.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{error.File}:{line}: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_yaml_names_the_file_and_line()
    {
        _seed.Replace("catalog/categories.yaml", "  - { slug: provisioning, name-en: Provisioning, name-ja: プロビジョニング }",
            "  - { slug: provisioning, name-en: [Provisioning, name-ja: プロビジョニング }");
        var line = _seed.LineOf("catalog/categories.yaml", "slug: provisioning");
        var error = SingleError();
        Assert.EndsWith("catalog/categories.yaml", error.File, StringComparison.Ordinal);
        Assert.InRange(error.Line, line, line + 1);
        Assert.Contains("Not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_category_names_the_technology_line()
    {
        _seed.Replace("catalog/technologies-network.yaml", "  - slug: arp\n", "  - slug: arp\n    # broken on purpose\n");
        var text = _seed.Read("catalog/technologies-network.yaml");
        var at = text.IndexOf("  - slug: arp\n", StringComparison.Ordinal);
        var categories = text.IndexOf("    categories: [", at, StringComparison.Ordinal);
        var end = text.IndexOf(']', categories);
        _seed.Write("catalog/technologies-network.yaml", text[..categories] + "    categories: [no-such-category" + text[end..]);

        AssertAt(SingleError(), "catalog/technologies-network.yaml", _seed.LineOf("catalog/technologies-network.yaml", "  - slug: arp"), "'no-such-category'");
    }

    [Fact]
    public void A_duplicate_slug_names_the_second_place_and_the_first()
    {
        _seed.Replace("catalog/japan-container-days-v18-04.yaml", "  - { slug: yokawasa, name: \"@yokawasa\", handle: yokawasa }",
            "  - { slug: yokawasa, name: \"@yokawasa\", handle: yokawasa }\n  - { slug: yokawasa, name: Someone else }");
        var first = _seed.LineOf("catalog/japan-container-days-v18-04.yaml", "slug: yokawasa");

        var error = SingleError();
        AssertAt(error, "catalog/japan-container-days-v18-04.yaml", first + 1, "already used at");
        Assert.Contains($"japan-container-days-v18-04.yaml:{first}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relation_to_a_missing_technology_names_the_relation_line()
    {
        _seed.Replace("catalog/technologies-delivery.yaml", "target: envoy,", "target: envoy-proxy-that-is-not-there,");
        AssertAt(SingleError(), "catalog/technologies-delivery.yaml",
            _seed.LineOf("catalog/technologies-delivery.yaml", "envoy-proxy-that-is-not-there"), "'envoy-proxy-that-is-not-there', which does not exist");
    }

    [Fact]
    public void A_heading_without_an_entry_names_the_notes_line()
    {
        const string notes = "notes/japan-container-days-v18-04.md";
        _seed.Write(notes, _seed.Read(notes) + "\n### A talk nobody catalogued\n- k8s\n");
        AssertAt(SingleError(), notes, _seed.LineOf(notes, "A talk nobody catalogued"), "has no talk");
    }

    [Fact]
    public void A_talk_without_a_heading_names_the_talk_entry()
    {
        _seed.Replace("catalog/japan-container-days-v18-04.yaml", "talks:\n",
            "talks:\n  - { slug: missing-talk, document: japan-container-days-v18-04-notes, title: A talk the notes never had }\n");
        AssertAt(SingleError(), "catalog/japan-container-days-v18-04.yaml",
            _seed.LineOf("catalog/japan-container-days-v18-04.yaml", "missing-talk"), "has no heading");
    }

    [Fact]
    public void A_misspelt_key_is_an_error_not_a_silent_default()
    {
        _seed.Replace("catalog/technologies-network.yaml", "  - slug: arp\n", "  - slug: arp\n    homepgae: https://example.org/\n");
        AssertAt(SingleError(), "catalog/technologies-network.yaml", _seed.LineOf("catalog/technologies-network.yaml", "homepgae"), "Unknown key 'homepgae'");
    }

    [Fact]
    public async Task A_broken_seed_leaves_the_database_as_it_was()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        var importer = new CatalogImporter(TestPostgres.Factory(database), NullLogger<CatalogImporter>.Instance);
        await importer.ImportAsync(_seed.Root);
        var before = await CountsAsync(database);

        _seed.Replace("catalog/technologies-delivery.yaml", "target: envoy,", "target: nothing-here,");
        RemoveFirstTalk();

        await Assert.ThrowsAsync<SeedException>(() => importer.ImportAsync(_seed.Root));
        Assert.Equal(before, await CountsAsync(database));
    }

    [Fact]
    public async Task A_failure_while_writing_rolls_back_everything_written_before_it()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        var importer = new CatalogImporter(TestPostgres.Factory(database), NullLogger<CatalogImporter>.Instance);
        await importer.ImportAsync(_seed.Root);
        var before = await CountsAsync(database);

        // A technology renamed (written early) and a section that the database refuses (written late): the seed is
        // valid, so the failure comes from PostgreSQL itself, through a constraint this test adds.
        await using (var constrained = TestPostgres.Context(database))
            await constrained.Database.ExecuteSqlRawAsync("ALTER TABLE sections ADD CONSTRAINT test_refused_heading CHECK (heading IS DISTINCT FROM 'Refused by the database')");
        _seed.Replace("catalog/technologies-network.yaml", "  - slug: arp\n    name: ARP", "  - slug: arp\n    name: ARP renamed");
        const string notes = "notes/japan-container-days-v18-04.md";
        _seed.Write(notes, _seed.Read(notes) + "\n## Refused by the database\n");
        _seed.Replace("catalog/japan-container-days-v18-04.yaml", "    sections:\n", "    sections:\n      - { slug: refused, heading: Refused by the database, kind: other }\n");

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => importer.ImportAsync(_seed.Root));
        Assert.Equal(before, await CountsAsync(database));
        await using var db = TestPostgres.Context(database);
        Assert.Equal("ARP", await db.Technologies.Where(t => t.Slug == "arp").Select(t => t.Name).SingleAsync());
    }

    private void RemoveFirstTalk() => _seed.Replace("catalog/japan-container-days-v18-04.yaml",
        "  - slug: ake-private-container-platform\n", "  - slug: ake-private-container-platform-renamed\n");

    private static async Task<string> CountsAsync(string database)
    {
        await using var db = TestPostgres.Context(database);
        return string.Join(",",
            await db.Technologies.CountAsync(), await db.TechnologyAliases.CountAsync(), await db.TechnologyRelations.CountAsync(),
            await db.Talks.CountAsync(), await db.Mentions.CountAsync(), await db.Sections.CountAsync(),
            await db.SeedStates.Select(s => s.SeedHash).SingleAsync(),
            await db.Talks.Select(t => t.Slug).OrderBy(s => s).FirstAsync());
    }
}

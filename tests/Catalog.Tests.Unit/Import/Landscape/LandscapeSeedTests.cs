using Catalog.Api.Technologies;
using Catalog.Ingest.Import;
using Catalog.Ingest.Landscape;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;
using Catalog.Tests.Infrastructure;

namespace Catalog.Tests.Import.Landscape;

/// <summary>The repository's seed with the real landscape file (seed/landscape/landscape.yml), checked at the plan.</summary>
public sealed class LandscapeSeedTests
{
    private static readonly List<SeedFile> Folder = SeedLoader.ReadFolder(Seeds.Repository);
    private static readonly ImportPlan Plan = SeedLoader.Load(Folder);
    private static readonly LandscapeFile File = Read();

    private static LandscapeFile Read()
    {
        var errors = new List<SeedError>();
        var file = LandscapeFileReader.Read(LandscapeFixture.LandscapePath, Folder.Single(f => f.Path == LandscapeFixture.LandscapePath).Text, errors);
        Assert.Empty(errors);
        return file;
    }

    private static IEnumerable<LandscapeItem> TechnologyItems =>
        File.Categories.Where(c => !LandscapeOrganizations.Lists(c.Name)).SelectMany(c => c.Subcategories).SelectMany(s => s.Items);

    private static readonly Dictionary<string, string> SlugByForm =
        Plan.Aliases.SelectMany(p => p.Value.Select(a => (a.Normalized, p.Key))).ToDictionary(p => p.Normalized, p => p.Key, StringComparer.Ordinal);

    private static SeedTechnology ByName(string name) =>
        Plan.Catalog.Technologies.Single(t => t.Slug == SlugByForm[TechnologyAlias.Normalize(name)]);

    [Fact]
    public void Every_abbreviation_written_beside_a_name_finds_its_technology_unless_two_share_it()
    {
        var written = TechnologyItems.Select(i => (i.Name, Match: System.Text.RegularExpressions.Regex.Match(i.Name, @"^(.*\S)\s*\(([A-Za-z0-9]{2,10})\)$")))
            .Where(p => p.Match.Success && p.Match.Groups[2].Value.Count(char.IsAsciiLetterUpper) >= 2)
            .Select(p => (p.Name, Abbreviation: p.Match.Groups[2].Value)).ToList();
        var shared = written.GroupBy(p => p.Abbreviation).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        // The seed may give an abbreviation to the technology people mean by it: ACR is Azure Container Registry's.
        string[] claimed = ["ACR"];
        var unresolved = written.Where(p => !shared.Contains(p.Abbreviation) && !claimed.Contains(p.Abbreviation) && SlugByForm.GetValueOrDefault(TechnologyAlias.Normalize(p.Abbreviation)) != SlugByForm[TechnologyAlias.Normalize(p.Name)]).ToList();
        Assert.True(written.Count > 30, $"{written.Count} names with an abbreviation");
        Assert.True(unresolved.Count == 0, string.Join(", ", unresolved));
        // Written beside the names of two products, an abbreviation leads to neither: "ORKESTRIX mK8s (QKS)", "Quantum Kubernetes Service (QKS)".
        Assert.Contains("QKS", shared);
        Assert.False(SlugByForm.ContainsKey(TechnologyAlias.Normalize("QKS")));
    }

    [Fact]
    public void The_landscape_loses_no_seed_mention_and_adds_only_what_its_context_supports()
    {
        var without = SeedLoader.Load(Folder.Where(f => !SeedLoader.IsLandscapePath(f.Path)));
        static List<string> Mentions(ImportPlan plan) =>
            plan.Mentions.Select(m => $"{m.Technology} {m.Document}:{m.Line}:{m.Column} {m.MatchedText}").Order(StringComparer.Ordinal).ToList();
        var before = Mentions(without);
        var after = Mentions(Plan);
        Assert.Empty(before.Except(after));
        // The landscape adds no mention of its own to the notes: "docker" in lower case, in a list of cluster tools in
        // Japanese prose, is a spelling of the tool and links with the curated catalog alone.
        Assert.Empty(after.Except(before));
        Assert.Contains("docker japan-container-days-v18-04-notes:112:18 docker", before);
    }

    [Theory]
    [InlineData("harbor", "Harbor")]
    [InlineData("rook", "Rook")]
    [InlineData("spire", "SPIRE")]
    public void A_curated_name_that_is_an_ordinary_word_links_only_as_written(string slug, string name)
    {
        var forms = Plan.Aliases[slug].Where(a => a.Match).Select(a => new MatchForm(a.Text, slug, a.CaseSensitive)).ToList();
        Assert.Contains(forms, f => f.Text == name && f.CaseSensitive);
        var matcher = new AliasMatcher(forms);

        Assert.Single(matcher.Find($"{name}を使っている"));
        Assert.Empty(matcher.Find($"the {name.ToLowerInvariant()} by the river"));
    }

    [Fact]
    public void Every_landscape_name_resolves_and_no_technology_is_listed_twice()
    {
        var unresolved = TechnologyItems.Where(i => !SlugByForm.ContainsKey(TechnologyAlias.Normalize(i.Name))).Select(i => i.Name).ToList();
        Assert.Empty(unresolved);
        var names = Plan.Catalog.Technologies.Select(t => TechnologyAlias.Normalize(t.Name)).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        // Items of one name are one technology, in each of its places.
        var okahu = TechnologyItems.Where(i => i.Name == "Okahu").ToList();
        Assert.Equal(2, okahu.Count);
        Assert.Equal(2, ByName("Okahu").Categories.Count);
    }

    [Fact]
    public void Counts_of_technologies_organisations_and_categories()
    {
        var report = Plan.Landscape!;
        var curated = Plan.Catalog.Technologies.Count(t => t.At.File.StartsWith("catalog/", StringComparison.Ordinal));
        Assert.Equal(curated + report.TechnologiesAdded, Plan.Catalog.Technologies.Count);
        // 1,440 technology items; repeated names, "(Wasm)" listings and curated entries are not new technologies.
        var items = TechnologyItems.Count();
        Assert.Equal(1440, items);
        Assert.InRange(report.TechnologiesAdded + report.TechnologiesMerged.Count, 1380, items);
        Assert.InRange(report.TechnologiesAdded, 1250, items);
        // 973 listings of 708 Crunchbase organisations and 20 without one, 13 of them non-public members.
        Assert.InRange(report.OrganizationsAdded + report.OrganizationsMerged.Count, 700, 720);
        Assert.Equal(2413, report.Items);
        Assert.Contains(Plan.Catalog.Organizations, o => o.Membership == "Platinum");
        Assert.Contains(Plan.Catalog.Organizations, o => o.CncfPrograms.Contains("Kubernetes Certified Service Provider"));
    }

    [Theory]
    [InlineData("Knative")]
    [InlineData("Vitess")]
    [InlineData("Thanos")]
    [InlineData("gVisor")]
    [InlineData("Terraform")]
    public void Named_technologies_resolve_with_their_landscape_facts(string name)
    {
        var technology = ByName(name);
        var item = TechnologyItems.First(i => i.Name == name);
        Assert.Equal((item.Path.Category, item.Path.Subcategory), (technology.Landscape!.Category, technology.Landscape.Subcategory));
        // Placed in the catalog's tree under the landscape's subcategory (by name or alias, under its category).
        Assert.Contains(technology.Categories, slug => Plan.Catalog.Categories.Single(c => c.Slug == slug) is { Parent: { } parent } c
            && Names(c).Contains(item.Path.Subcategory) && Names(Plan.Catalog.Categories.Single(p => p.Slug == parent)).Contains(item.Path.Category));
        Assert.Equal(item.Maturity, technology.Maturity);
        Assert.Equal(item.Dates.Accepted, technology.Landscape.AcceptedOn);
    }

    private static IEnumerable<string> Names(SeedCategory category) => category.Aliases.Prepend(category.NameEn);

    [Fact]
    public void The_repository_copy_carries_none_of_the_landscape_sentences()
    {
        Assert.All(TechnologyItems, i => Assert.Null(i.Description));
        Assert.Equal(0, Plan.Landscape!.Descriptions);
        var text = Folder.Single(f => f.Path == LandscapeFixture.LandscapePath).Text;
        Assert.Equal(0, LandscapeProse.Strip(text).Removed);
    }

    [Fact]
    public void Every_graduated_and_incubating_project_has_a_definition_in_both_languages()
    {
        var missing = TechnologyItems
            .Where(i => i.Maturity is Maturity.Graduated or Maturity.Incubating)
            .Select(i => ByName(i.Name))
            .DistinctBy(t => t.Slug)
            .Where(t => !(t.Definitions.Any(d => d.Lang == Lang.En) && t.Definitions.Any(d => d.Lang == Lang.Ja)))
            .Select(t => t.Name)
            .ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} graduated or incubating projects have no definition in both languages: {string.Join(", ", missing)}");
    }
}

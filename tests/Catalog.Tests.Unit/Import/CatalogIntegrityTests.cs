using System.Text.RegularExpressions;
using Catalog.Ingest.Import;
using Catalog.Ingest.Landscape;
using Catalog.Model.Technologies;
using Catalog.Tests.Infrastructure;

namespace Catalog.Tests.Import;

/// <summary>
/// Rules over the whole catalog, the curated seed merged with the CNCF landscape, checked at the plan (no PostgreSQL):
/// one technology is listed once, a landscape item never overwrites what a curated entry says, categories are distinct
/// and used, and the Japanese texts follow one style (seed/README.md).
/// </summary>
public sealed partial class CatalogIntegrityTests
{
    private static readonly List<SeedFile> Folder = SeedLoader.ReadFolder(Seeds.Repository);
    private static readonly ImportPlan Plan = SeedLoader.Load(Folder);

    /// <summary>The curated entries as the seed gives them, before the landscape is merged in.</summary>
    private static readonly Dictionary<string, SeedTechnology> Curated = ReadCurated();

    private static readonly LandscapeFile Landscape = ReadLandscape();

    private static readonly Dictionary<string, string> SlugByForm =
        Plan.Aliases.SelectMany(p => p.Value.Select(a => (a.Normalized, p.Key))).ToDictionary(p => p.Normalized, p => p.Key, StringComparer.Ordinal);

    private static readonly Dictionary<string, SeedCategory> Categories = Plan.Catalog.Categories.ToDictionary(c => c.Slug, StringComparer.Ordinal);

    private static Dictionary<string, SeedTechnology> ReadCurated()
    {
        var errors = new List<SeedError>();
        var catalog = new SeedCatalog();
        foreach (var file in Folder.Where(f => SeedLoader.IsCatalogPath(f.Path))) CatalogFileReader.Read(file.Path, file.Text, catalog, errors);
        Assert.Empty(errors);
        return catalog.Technologies.ToDictionary(t => t.Slug, StringComparer.Ordinal);
    }

    private static LandscapeFile ReadLandscape()
    {
        var errors = new List<SeedError>();
        var file = Folder.Single(f => SeedLoader.IsLandscapePath(f.Path));
        var read = LandscapeFileReader.Read(file.Path, file.Text, errors);
        Assert.Empty(errors);
        return read;
    }

    private static IEnumerable<LandscapeItem> TechnologyItems =>
        Landscape.Categories.Where(c => !LandscapeOrganizations.Lists(c.Name)).SelectMany(c => c.Subcategories).SelectMany(s => s.Items);

    private static SeedTechnology Technology(string slug) => Plan.Catalog.Technologies.Single(t => t.Slug == slug);

    private static SeedTechnology ByName(string name) => Technology(SlugByForm[TechnologyAlias.Normalize(name)]);

    private static string? SlugOf(string name) => SlugByForm.GetValueOrDefault(TechnologyAlias.Normalize(name));

    /// <summary>The landscape's Wasm category, which lists again, as "X (Wasm)" or under their own names, things that exist apart from Wasm.</summary>
    private const string Wasm = "Wasm";

    private static bool IsWasmCategory(string slug) => slug == "wasm" || Categories[slug].Parent == "wasm";

    // ---------------------------------------------------------------------------------------------------------------
    // 1. One technology, one entry.

    /// <summary>
    /// Technologies that share a repository, and why they are two all the same. Each key is the repository as
    /// <see cref="Keys.Url"/> compares it.
    /// </summary>
    private static readonly Dictionary<string, string> SharedRepositories = new(StringComparer.Ordinal)
    {
        ["github.com/istio/istio"] = "Istio and Servicegraph: Servicegraph was an add-on of Istio, kept in Istio's repository.",
        ["github.com/apache/hadoop"] = "Apache Hadoop and Hadoop HDFS: HDFS is Hadoop's file system, one part of the project, built from its repository.",
        ["github.com/kubeflow/kubeflow"] = "Kubeflow and Kubeflow Notebooks: the notebooks component lives in the platform's repository.",
        ["github.com/webassembly/wasi-nn"] = "WASI NN for OpenVINO, PyTorch and TensorFlow Lite: three backends of one proposal, listed apart by the landscape.",
        ["github.com/webassembly/wabt"] = "Wabt and wasm2c: wasm2c is one tool of the WebAssembly Binary Toolkit.",
    };

    /// <summary>Technologies whose names are one when normalised, and why they are two.</summary>
    private static readonly Dictionary<string, string> SharedNames = new(StringComparer.Ordinal)
    {
        ["eks"] = "Amazon EKS and EasyStack Kubernetes Service: two services of two companies that share an abbreviation; 'EKS' leads to Amazon's.",
        ["qks"] = "ORKESTRIX mK8s (QKS) and Quantum Kubernetes Service (QKS): one vendor's distribution and its hosted service, listed apart by the landscape.",
    };

    /// <summary>
    /// A name as a person would compare two: letters and digits only, lower case, without a qualifier in parentheses
    /// ("Redpanda (Wasm)") or the foundation's prefix ("Apache Druid").
    /// </summary>
    private static string NameKey(string name)
    {
        var text = TechnologyAlias.Normalize(name);
        while (Qualifier().Match(text) is { Success: true } match) text = match.Groups["base"].Value;
        if (text.StartsWith("apache ", StringComparison.Ordinal)) text = text["apache ".Length..];
        return new string(text.Where(c => char.IsLetterOrDigit(c) || c is '+' or '#').ToArray());
    }

    /// <summary>Every key a technology's name stands for: the name, and an abbreviation it spells out ("Azure Kubernetes Service (AKS)").</summary>
    private static IEnumerable<string> NameKeys(string name)
    {
        yield return NameKey(name);
        foreach (Match match in Parenthesised().Matches(name))
        {
            var inner = match.Groups["inner"].Value;
            if (!inner.Equals(Wasm, StringComparison.OrdinalIgnoreCase) && inner.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))) yield return NameKey(inner);
        }
    }

    [Fact]
    public void No_two_technologies_share_a_repository_or_a_normalised_name()
    {
        var byRepository = Plan.Catalog.Technologies.Where(t => Keys.Url(t.Repository) is not null)
            .GroupBy(t => Keys.Url(t.Repository)!, StringComparer.Ordinal).Where(g => g.Count() > 1 && !SharedRepositories.ContainsKey(g.Key))
            .Select(g => $"{g.Key}: {string.Join(" / ", g.Select(t => t.Name))}").ToList();

        // A name (or the abbreviation it spells out) against every other technology's names and aliases.
        var owners = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Own(string key, string slug)
        {
            if (key.Length == 0) return;
            if (!owners.TryGetValue(key, out var slugs)) owners[key] = slugs = new HashSet<string>(StringComparer.Ordinal);
            slugs.Add(slug);
        }
        foreach (var technology in Plan.Catalog.Technologies)
        {
            foreach (var key in NameKeys(technology.Name)) Own(key, technology.Slug);
            foreach (var alias in technology.Aliases) Own(NameKey(alias.Text), technology.Slug);
        }
        var names = Plan.Catalog.Technologies.SelectMany(t => NameKeys(t.Name).Select(k => (Key: k, t.Slug))).Distinct()
            .Where(p => owners.TryGetValue(p.Key, out var slugs) && slugs.Count > 1 && !SharedNames.ContainsKey(p.Key))
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {string.Join(" / ", owners[g.Key].Select(s => Technology(s).Name))}").ToList();

        Assert.True(byRepository.Count == 0 && names.Count == 0,
            $"One technology listed twice? {byRepository.Count} shared repositories: {string.Join("; ", byRepository)}. "
            + $"{names.Count} shared names: {string.Join("; ", names)}.");
        // The exceptions still hold: each names a repository two technologies share.
        Assert.All(SharedRepositories.Keys, key => Assert.True(Plan.Catalog.Technologies.Count(t => Keys.Url(t.Repository) == key) > 1, $"{key} is no longer shared: drop the exception."));
    }

    [Theory]
    [InlineData("Druid", "Apache Druid")]
    [InlineData("Flink", "Apache Flink")]
    [InlineData("Scylla", "ScyllaDB")]
    [InlineData("InfluxData", "Influxdb")]
    [InlineData("Fluvio", "Infinyon")]
    [InlineData("Redpanda", "Redpanda (Wasm)")]
    [InlineData("Azure Kubernetes Service (AKS)", "Azure Kubernetes Service (AKS) (Wasm)")]
    public void Two_landscape_listings_of_one_technology_are_one_technology(string name, string other)
    {
        Assert.Equal(SlugOf(name), SlugOf(other));
        var technology = ByName(name);
        Assert.True(technology.Definitions.Count(d => d.Lang == Lang.En) <= 1);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 2. What a curated entry says, the landscape never overwrites.

    [Fact]
    public void A_landscape_item_merged_into_a_curated_entry_never_replaces_its_repository_or_its_landscape_place()
    {
        var items = TechnologyItems.Select(i => (Item: i, Slug: SlugOf(i.Name))).Where(p => p.Slug is not null).ToLookup(p => p.Slug!, p => p.Item, StringComparer.Ordinal);
        var wrong = new List<string>();
        foreach (var technology in Plan.Catalog.Technologies)
        {
            var listed = items[technology.Slug].ToList();
            var nonWasm = listed.Where(i => i.Path.Category != Wasm).ToList();
            // A secondary Wasm listing never becomes the primary place of something the landscape lists elsewhere.
            if (technology.Landscape is { Category: Wasm } && nonWasm.Count > 0)
                wrong.Add($"{technology.Name}: placed in {technology.Landscape.Category} / {technology.Landscape.Subcategory} although the landscape lists it in {nonWasm[0].Path}");
            if (!Curated.TryGetValue(technology.Slug, out var curated)) continue;

            if (curated.Repository is not null && technology.Repository != curated.Repository)
                wrong.Add($"{technology.Name}: repository {technology.Repository}, curated {curated.Repository}");
            if (curated.Homepage is not null && technology.Homepage != curated.Homepage)
                wrong.Add($"{technology.Name}: homepage {technology.Homepage}, curated {curated.Homepage}");
            // A curated entry outside Wasm takes nothing from a listing only in Wasm, which is about another thing (a
            // Wasm plug-in of it, its Wasm support): no place, no repository, no homepage.
            if (curated.Categories.Any(IsWasmCategory)) continue;
            if (technology.Landscape is { Category: Wasm })
                wrong.Add($"{technology.Name}: a curated entry outside Wasm placed in {technology.Landscape.Category} / {technology.Landscape.Subcategory}");
            if (curated.Repository is null && technology.Repository is { } repository && !nonWasm.Any(i => i.Repository == repository))
                wrong.Add($"{technology.Name}: repository {repository} from a Wasm listing");
            if (curated.Homepage is null && technology.Homepage is { } homepage && !nonWasm.Any(i => i.Homepage == homepage))
                wrong.Add($"{technology.Name}: homepage {homepage} from a Wasm listing");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));

        var scheduler = Technology("kube-scheduler");
        Assert.NotEqual("https://github.com/kubernetes-sigs/scheduler-plugins", scheduler.Repository);
        Assert.NotEqual(Wasm, scheduler.Landscape?.Category);
        var docker = Technology("docker");
        Assert.Equal("https://github.com/moby/moby", docker.Repository);
        Assert.NotEqual(Wasm, docker.Landscape?.Category);
    }

    [Fact]
    public void A_technology_is_in_the_catalog_category_of_its_landscape_place()
    {
        var missing = Plan.Catalog.Technologies.Where(t => t.Landscape is not null)
            .Select(t => (Technology: t, Category: CategoryOf(t.Landscape!.Category, t.Landscape.Subcategory)))
            .Where(p => p.Category is null || !p.Technology.Categories.Contains(p.Category.Slug))
            .Select(p => $"{p.Technology.Name}: {p.Technology.Landscape!.Category} / {p.Technology.Landscape.Subcategory} → {p.Category?.Slug}, categories {string.Join(", ", p.Technology.Categories)}")
            .ToList();
        Assert.True(missing.Count == 0, string.Join("\n", missing));
        foreach (var name in new[] { "Prometheus", "Zipkin", "Datadog", "Splunk", "Epsagon" }) Assert.Contains("observability", ByName(name).Categories);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Named errors of issue 30, each a fact of the whole catalog.

    [Fact]
    public void Names_and_relations_fixed_in_issue_30_stay_fixed()
    {
        Assert.Equal("Metal3", Technology("metal3").Name);
        Assert.Equal("metal3", SlugOf("metal3-io"));

        // The landscape's "Serverless" (the framework) is a product of its own; "Serverless" stays the concept.
        Assert.Equal(TechnologyKind.Concept, ByName("Serverless").Kind);
        var framework = ByName("Serverless Framework");
        Assert.NotEqual("serverless", framework.Slug);
        Assert.Equal(TechnologyKind.Product, framework.Kind);
        Assert.Equal("https://github.com/serverless/serverless", framework.Repository);
        Assert.Empty(Plan.Landscape!.LeftOut);

        // Gatekeeper is not OPA.
        var gatekeeper = SlugOf("OPA/Gatekeeper");
        Assert.NotNull(gatekeeper);
        Assert.Equal(gatekeeper, SlugOf("OPA Gatekeeper"));
        Assert.Equal(gatekeeper, SlugOf("Gatekeeper"));
        Assert.NotEqual(SlugOf("OPA"), gatekeeper);

        // Kubeflow Pipelines is one Kubeflow component among its siblings, each a technology of its own.
        Assert.NotEqual(SlugOf("Kubeflow"), SlugOf("Kubeflow Pipelines"));
        Assert.Equal("https://github.com/kubeflow/pipelines", ByName("Kubeflow Pipelines").Repository);

        // Conduit became Linkerd 2.0: it is no part of Linkerd.
        Assert.DoesNotContain(Plan.Catalog.Technologies.SelectMany(t => t.Relations.Select(r => (t.Slug, r))),
            p => p.Slug == SlugOf("Conduit") && p.r.Target == "linkerd" && p.r.Kind == RelationKind.PartOf);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 3, 4. Categories: distinct names, and members.

    [Fact]
    public void No_two_categories_share_a_name_in_a_language()
    {
        static List<string> Shared(Func<SeedCategory, string> name) =>
            Plan.Catalog.Categories.GroupBy(c => TechnologyAlias.Normalize(name(c)), StringComparer.Ordinal).Where(g => g.Count() > 1)
                .Select(g => $"{name(g.First())}: {string.Join(", ", g.Select(c => c.Slug))}").ToList();
        var en = Shared(c => c.NameEn);
        var ja = Shared(c => c.NameJa);
        Assert.True(en.Count == 0 && ja.Count == 0, $"English: {string.Join("; ", en)}. Japanese: {string.Join("; ", ja)}.");
    }

    [Fact]
    public void Every_category_has_members()
    {
        var members = Plan.Catalog.Technologies.SelectMany(t => t.Categories).CountBy(s => s).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        int Members(SeedCategory category) =>
            members.GetValueOrDefault(category.Slug) + Plan.Catalog.Categories.Where(c => c.Parent == category.Slug).Sum(c => members.GetValueOrDefault(c.Slug));
        // A subcategory of one technology is no grouping: its technology belongs with a sibling.
        var empty = Plan.Catalog.Categories.Where(c => Members(c) < (c.Parent is null ? 1 : 2)).Select(c => $"{c.Slug} ({Members(c)})").ToList();
        Assert.True(empty.Count == 0, $"Categories without members, or a subcategory of one: {string.Join(", ", empty)}.");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 5. Japanese style: seed/README.md lists the spellings.

    /// <summary>Spellings the style list (seed/README.md) replaces, with the spelling it uses.</summary>
    private static readonly (Regex Pattern, string Use)[] JapaneseStyle =
    [
        (new Regex("デリバリ(?!ー)"), "デリバリー"),
        (new Regex("可観測性"), "オブザーバビリティ"),
        (new Regex("サーバ(?!ー)"), "サーバー"),
        (new Regex("ユーザ(?![ービ])"), "ユーザー"),
        (new Regex("コンテナー"), "コンテナ"),
        (new Regex("クラスター"), "クラスタ"),
    ];

    /// <summary>
    /// The catalog's own Japanese texts: category, organisation and technology names, definitions. Aliases are left
    /// out, since they are spellings other people write (サーバレス, 可観測性) kept so that they resolve, and so are
    /// talk and document titles, which are quoted as the notes write them.
    /// </summary>
    private static IEnumerable<(string Where, string Text)> JapaneseTexts()
    {
        foreach (var category in Plan.Catalog.Categories) yield return ($"category {category.Slug}", category.NameJa);
        foreach (var organization in Plan.Catalog.Organizations.Where(o => o.NameJa is not null)) yield return ($"organization {organization.Slug}", organization.NameJa!);
        foreach (var technology in Plan.Catalog.Technologies)
        {
            yield return ($"technology {technology.Slug}", technology.Name);
            foreach (var definition in technology.Definitions.Where(d => d.Lang == Lang.Ja))
            {
                yield return ($"technology {technology.Slug} (definition)", definition.Short);
                if (definition.Long is { } text) yield return ($"technology {technology.Slug} (long definition)", text);
            }
        }
    }

    [Fact]
    public void The_japanese_texts_follow_one_style()
    {
        var wrong = JapaneseTexts()
            .SelectMany(t => JapaneseStyle.Where(s => s.Pattern.IsMatch(t.Text)).Select(s => $"{t.Where}: '{s.Pattern.Match(t.Text).Value}', write {s.Use}"))
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        var readme = File.ReadAllText(Path.Combine(Seeds.Repository, "README.md"));
        Assert.All(JapaneseStyle, s => Assert.Contains(s.Use, readme, StringComparison.Ordinal));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 6. The landscape's categories have Japanese names.

    /// <summary>The catalog category of a landscape path, found as the merge finds it (by name or alias, under its parent).</summary>
    private static SeedCategory? CategoryOf(string category, string? subcategory)
    {
        static bool Named(SeedCategory c, string name) =>
            TechnologyAlias.Normalize(c.NameEn) == TechnologyAlias.Normalize(name) || c.Aliases.Any(a => TechnologyAlias.Normalize(a) == TechnologyAlias.Normalize(name));
        var parent = Plan.Catalog.Categories.FirstOrDefault(c => c.Parent is null && Named(c, category));
        return subcategory is null || parent is null ? parent : Plan.Catalog.Categories.FirstOrDefault(c => c.Parent == parent.Slug && Named(c, subcategory));
    }

    [Fact]
    public void The_landscape_categories_have_japanese_names()
    {
        var paths = Landscape.Categories.Where(c => !LandscapeOrganizations.Lists(c.Name))
            .SelectMany(c => c.Subcategories.Select(s => (c.Name, (string?)s.Name)).Prepend((c.Name, null)));
        var wrong = new List<string>();
        foreach (var (category, subcategory) in paths)
        {
            var found = CategoryOf(category, subcategory);
            var path = subcategory is null ? category : $"{category} / {subcategory}";
            if (found is null) wrong.Add($"{path}: no catalog category");
            else if (TechnologyAlias.Normalize(found.NameJa) == TechnologyAlias.Normalize(found.NameEn)) wrong.Add($"{path}: '{found.NameJa}' in Japanese too");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Empty(Plan.Landscape!.CategoriesAdded);
    }

    [GeneratedRegex(@"^(?<base>.*\S)\s*\([^()]+\)$")]
    private static partial Regex Qualifier();

    [GeneratedRegex(@"\((?<inner>[^()]+)\)")]
    private static partial Regex Parenthesised();
}

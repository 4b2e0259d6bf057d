using System.Text.RegularExpressions;
using Catalog.Ingest.Import;

namespace Catalog.Ingest.Landscape;

/// <summary>
/// The technologies of the landscape. Items of one name (compared as every look-up compares names) are one
/// technology listed in several places, as is "X (Q)" beside an item X with the same repository or homepage
/// ("Envoy (Wasm)"), and always "X (Wasm)" beside an item X; so is an item named by a top-level alias of the seed
/// (<c>{ technology: druid, text: Apache Druid }</c>) beside the item whose name makes that slug. Each is then either
/// a curated technology (one of its names is the curated name, an alias or the slug; else its repository, else its
/// homepage is the curated one's, when no other landscape technology shares it) or a technology of its own:
/// <list type="bullet">
/// <item>merged into a curated entry, it adds only what that entry lacks: maturity, landscape facts (its landscape
/// category among them; the catalog categories stay the curated ones), a homepage or repository, a maker, and its
/// names as look-up forms that never link in text, so the seed's mentions stay as they are. It never replaces what
/// the entry has; and when the landscape lists it only under Wasm while the entry is outside Wasm, the listing is
/// about the entry's Wasm side (its Wasm plug-ins or support: the Wasm "Kube-scheduler" points at scheduler plug-ins),
/// so it adds its names and nothing else;</item>
/// <item>a landscape-only technology's name is case-sensitive, and links in text as the linker decides (an ordinary
/// word only on evidence, <see cref="Linking.NameAmbiguity"/>); its other names are look-up forms.</item>
/// </list>
/// A technology's landscape place is its first listing outside Wasm: the Wasm category lists again, as a secondary
/// place, things that live elsewhere in the landscape.
/// </summary>
internal sealed partial class LandscapeTechnologies(
    SeedCatalog catalog, LandscapeCategories categories, LandscapeOrganizations organizations, IReadOnlySet<string> imported)
{
    /// <summary>Subcategories that list services run by a provider.</summary>
    private static readonly string[] HostedSubcategories = ["Certified Kubernetes - Hosted", "Hosted Platform", "Hosted Platforms"];

    /// <summary>The landscape category that lists the Wasm side of things listed elsewhere too.</summary>
    private const string Wasm = "Wasm";

    private static bool InWasm(LandscapeItem item) => item.Path.Category == Wasm;

    private sealed class Group(LandscapeItem first)
    {
        public List<LandscapeItem> Items { get; } = [first];
        public LandscapeItem First => Items[0];
        public IEnumerable<string> Names => Items.Select(i => i.Name).DistinctBy(Keys.Name, StringComparer.Ordinal);
        public string? Repository => Items.Select(i => i.Repository).FirstOrDefault(r => r is not null);
        public string? Homepage => Items.Select(i => i.Homepage).FirstOrDefault(h => h is not null);
        public IEnumerable<string> RepositoryKeys => Items.Select(i => Keys.Url(i.Repository)).OfType<string>().Distinct(StringComparer.Ordinal);
        public IEnumerable<string> HomepageKeys => Items.Select(i => Keys.Url(i.Homepage)).OfType<string>().Distinct(StringComparer.Ordinal);
    }

    /// <summary>Who owns each look-up form (normalised name, alias or slug): one technology per form.</summary>
    private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);

    /// <summary>The forms a top-level alias claims for a landscape technology not added yet, and that technology's slug.</summary>
    private readonly Dictionary<string, string> _claimedByAliases = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="form"/> is held only by an alias of the technology <paramref name="slug"/> will be.</summary>
    private bool ClaimedFor(string form, string slug) => _claimedByAliases.TryGetValue(form, out var technology) && technology == slug;

    public int Added { get; private set; }
    public List<LandscapeMerge> Merged { get; } = [];
    public int MakersUnnamed { get; private set; }
    public int Descriptions { get; private set; }

    /// <summary>Items not imported, and why.</summary>
    public List<LeftOutItem> LeftOut { get; } = [];

    /// <summary>Second paths that name no subcategory of the landscape, each at its item.</summary>
    public List<SeedError> UnknownPaths { get; } = [];

    public void Merge(IReadOnlyList<LandscapeItem> items)
    {
        // Only the seed's own aliases correct the landscape by joining two of its items; an imported write-up's alias
        // names a landscape technology as it names a curated one, so another item's name is a clash at its line.
        var groups = GroupItems(items, [.. catalog.Aliases.Where(a => !imported.Contains(a.At.File))]);
        foreach (var technology in catalog.Technologies)
        {
            foreach (var form in FormsOf(technology)) _owners.TryAdd(form, technology.Slug);
        }
        // The seed's top-level aliases are its technologies' forms too, a landscape technology's among them (by the
        // slug its name makes): the alias, with its own kind and flags, takes the place of a look-up form. Such a form
        // is that technology's own when it is added, not a name of another thing. An alias for a technology neither
        // curated nor made by a landscape name claims nothing: the check reports it at its own line, and the landscape
        // item of its text stays.
        var curatedSlugs = catalog.Technologies.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
        var landscapeSlugs = groups.Select(g => Keys.Slug(g.First.Name)).ToHashSet(StringComparer.Ordinal);
        var landscapeNames = groups.SelectMany(g => g.Names.Select(n => (Form: Keys.Name(n), Slug: Keys.Slug(g.First.Name))))
            .DistinctBy(p => p.Form, StringComparer.Ordinal).ToDictionary(p => p.Form, p => p.Slug, StringComparer.Ordinal);
        foreach (var extra in catalog.Aliases)
        {
            if (!curatedSlugs.Contains(extra.Technology) && !landscapeSlugs.Contains(extra.Technology)) continue;
            var form = Keys.Name(extra.Alias.Text);
            // Another landscape technology's name stays that technology's: the alias then names two, which the check reports.
            if (!curatedSlugs.Contains(extra.Technology) && landscapeNames.TryGetValue(form, out var named) && named != extra.Technology) continue;
            if (_owners.TryAdd(form, extra.Technology) && !curatedSlugs.Contains(extra.Technology)) _claimedByAliases[form] = extra.Technology;
        }

        var curated = new CuratedTechnologies(catalog.Technologies, groups);
        var own = new List<Group>();
        foreach (var group in groups)
        {
            var (slug, matchedBy) = curated.Find(group, _owners);
            if (slug is null) own.Add(group);
            else MergeInto(slug, group, matchedBy);
        }

        // Every landscape-only name is reserved first, so no slug made for one technology takes another's name.
        var reserved = own.SelectMany(g => g.Names.Select(n => (Form: Keys.Name(n), Group: g))).DistinctBy(p => p.Form, StringComparer.Ordinal).ToDictionary(p => p.Form, p => p.Group, StringComparer.Ordinal);
        foreach (var group in own) Add(group, reserved);
        AddAbbreviations(groups);
    }

    /// <summary>Which technology each group became: the curated one it merged into, or its own.</summary>
    private readonly Dictionary<Group, string> _slugOf = [];

    /// <summary>
    /// "Google Kubernetes Engine (GKE)": the abbreviation written beside a name becomes that technology's alias, when
    /// no other technology claims it and no other listing writes it beside another name (EKS is Amazon's and
    /// EasyStack's: it goes to neither here). It links in text as written, unless it is an ordinary word or too short.
    /// </summary>
    private void AddAbbreviations(List<Group> groups)
    {
        var written = groups.SelectMany(g => g.Items.Select(i => (Group: g, Abbreviation: AbbreviationOf(i.Name), i.At)))
            .Where(p => p.Abbreviation is not null && _slugOf.ContainsKey(p.Group))
            .GroupBy(p => Keys.Name(p.Abbreviation!), StringComparer.Ordinal)
            .Where(g => g.Select(p => _slugOf[p.Group]).Distinct(StringComparer.Ordinal).Count() == 1)
            .Select(g => g.First());
        foreach (var (group, abbreviation, at) in written)
        {
            var slug = _slugOf[group];
            if (!_owners.TryAdd(Keys.Name(abbreviation!), slug)) continue;
            var index = catalog.Technologies.FindIndex(t => t.Slug == slug);
            var alias = new SeedAlias(at, abbreviation!, AliasKind.Abbreviation, null, CaseSensitive: true, Match: true);
            catalog.Technologies[index] = catalog.Technologies[index] with { Aliases = [.. catalog.Technologies[index].Aliases, alias] };
            Abbreviations++;
        }
    }

    /// <summary>Abbreviations given to technologies from the names they are written beside.</summary>
    public int Abbreviations { get; private set; }

    /// <summary>The qualifier of "Long Name (ABBR)" when it is an abbreviation: two to ten letters or digits, two capitals at least.</summary>
    private static string? AbbreviationOf(string name) =>
        Qualified().Match(name) is { Success: true } m && m.Groups["qualifier"].Value is var q
        && q.Length is >= 2 and <= 10 && q.All(char.IsAsciiLetterOrDigit) && q.Count(char.IsAsciiLetterUpper) >= 2
            ? q : null;

    /// <summary>
    /// The items grouped into technologies, in the order of the files, each group's listings outside Wasm first.
    /// </summary>
    private static List<Group> GroupItems(IReadOnlyList<LandscapeItem> items, IReadOnlyList<SeedExtraAlias> aliases)
    {
        var byName = new Dictionary<string, Group>(StringComparer.Ordinal);
        var groups = new List<Group>();
        foreach (var item in items)
        {
            if (byName.TryGetValue(Keys.Name(item.Name), out var group)) group.Items.Add(item);
            else groups.Add(byName[Keys.Name(item.Name)] = new Group(item));
        }
        void Join(Group group, Group into)
        {
            into.Items.AddRange(group.Items);
            groups.Remove(group);
            foreach (var name in group.Names) byName[Keys.Name(name)] = into;
        }
        // "Apache Druid" beside "Druid": the seed's alias { technology: druid, text: Apache Druid } says they are one.
        var bySlug = groups.GroupBy(g => Keys.Slug(g.First.Name), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var extra in aliases)
        {
            if (byName.TryGetValue(Keys.Name(extra.Alias.Text), out var named) && bySlug.TryGetValue(extra.Technology, out var into) && named != into && groups.Contains(into))
                Join(named, into);
        }
        foreach (var group in groups.ToList())
        {
            if (Qualified().Match(group.First.Name) is not { Success: true } match) continue;
            if (!byName.TryGetValue(Keys.Name(match.Groups["base"].Value), out var named) || named == group) continue;
            var wasm = match.Groups["qualifier"].Value.Equals(Wasm, StringComparison.OrdinalIgnoreCase);
            if (!wasm && !named.RepositoryKeys.Intersect(group.RepositoryKeys).Any() && !named.HomepageKeys.Intersect(group.HomepageKeys).Any()) continue;
            Join(group, named);
        }
        foreach (var group in groups)
        {
            var ordered = group.Items.Where(i => !InWasm(i)).Concat(group.Items.Where(InWasm)).ToList();
            group.Items.Clear();
            group.Items.AddRange(ordered);
        }
        return groups;
    }

    /// <summary>The curated technologies a landscape technology may be, by the keys it is compared with.</summary>
    private sealed class CuratedTechnologies
    {
        private readonly HashSet<string> _slugs;
        private readonly Dictionary<string, List<string>> _byRepository;
        private readonly Dictionary<string, List<string>> _byHomepage;
        private readonly Dictionary<string, int> _groupRepositories;
        private readonly Dictionary<string, int> _groupHomepages;

        public CuratedTechnologies(IEnumerable<SeedTechnology> technologies, List<Group> groups)
        {
            // The landscape lists projects and products, never concepts: a concept of the same name is another thing
            // ("Serverless", the framework, is not serverless computing).
            var candidates = technologies.Where(t => t.Kind != TechnologyKind.Concept).ToList();
            _slugs = candidates.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
            _byRepository = ByKey(candidates, t => Keys.Url(t.Repository));
            _byHomepage = ByKey(candidates, t => Keys.Url(t.Homepage));
            _groupRepositories = groups.SelectMany(g => g.RepositoryKeys).CountBy(k => k).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            _groupHomepages = groups.SelectMany(g => g.HomepageKeys).CountBy(k => k).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        }

        /// <summary>
        /// The curated technology one of whose forms is a name of the group; else the one with its repository, else
        /// with its homepage, when that URL is the group's alone among the landscape's and one curated entry's.
        /// </summary>
        public (string? Slug, string MatchedBy) Find(Group group, Dictionary<string, string> owners)
        {
            foreach (var name in group.Names)
            {
                if (owners.TryGetValue(Keys.Name(name), out var owner) && _slugs.Contains(owner)) return (owner, "name");
            }
            foreach (var key in group.RepositoryKeys.Where(k => _groupRepositories[k] == 1))
            {
                if (_byRepository.TryGetValue(key, out var slugs) && slugs is [var byRepository]) return (byRepository, "repository");
            }
            foreach (var key in group.HomepageKeys.Where(k => _groupHomepages[k] == 1))
            {
                if (_byHomepage.TryGetValue(key, out var slugs) && slugs is [var byHomepage]) return (byHomepage, "homepage");
            }
            return (null, "");
        }

        private static Dictionary<string, List<string>> ByKey(IEnumerable<SeedTechnology> technologies, Func<SeedTechnology, string?> key) =>
            technologies.Select(t => (Key: key(t), t.Slug)).Where(p => p.Key is not null)
                .GroupBy(p => p.Key!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Slug).ToList(), StringComparer.Ordinal);
    }

    private void MergeInto(string slug, Group group, string matchedBy)
    {
        _slugOf[group] = slug;
        var index = catalog.Technologies.FindIndex(t => t.Slug == slug);
        var technology = catalog.Technologies[index];
        var forms = FormsOf(technology).ToHashSet(StringComparer.Ordinal);
        var aliases = technology.Aliases.ToList();
        foreach (var item in group.Items.DistinctBy(i => Keys.Name(i.Name), StringComparer.Ordinal))
        {
            var form = Keys.Name(item.Name);
            if (forms.Contains(form) || !_owners.TryAdd(form, slug)) continue;
            aliases.Add(LookUpOnly(item));
        }
        if (group.Items.All(InWasm) && !technology.Categories.Any(categories.InWasm))
        {
            catalog.Technologies[index] = technology with { Aliases = aliases };
            Merged.Add(new LandscapeMerge(group.First.Name, slug, matchedBy));
            return;
        }
        var maker = technology.Organizations.Count == 0 ? Maker(group) : null;
        catalog.Technologies[index] = technology with
        {
            Homepage = technology.Homepage ?? group.Homepage,
            Repository = technology.Repository ?? group.Repository,
            Organizations = maker is null ? technology.Organizations : [maker],
            Aliases = aliases,
            Maturity = technology.Maturity ?? MaturityOf(group),
            Landscape = technology.Landscape ?? EntryOf(group),
        };
        Merged.Add(new LandscapeMerge(group.First.Name, slug, matchedBy));
    }

    private void Add(Group group, Dictionary<string, Group> reserved)
    {
        var name = group.First.Name;
        // A form an alias holds for the slug being made is that technology's, so it takes no slug away from it.
        bool Taken(string form) =>
            (_owners.ContainsKey(form) && !ClaimedFor(form, form)) || (reserved.TryGetValue(form, out var owner) && owner != group);
        var slug = Keys.Unique(Keys.Slug(name) is { Length: > 0 } s ? s : "technology", Taken);
        if (_owners.TryGetValue(Keys.Name(name), out var owner) && !ClaimedFor(Keys.Name(name), slug))
        {
            // Its name already leads to a curated technology it is not (a concept): it waits for a curated entry.
            LeftOut.Add(new LeftOutItem(name, owner, $"its name is the curated '{owner}', which is another thing", group.First.At.File, group.First.At.Line));
            return;
        }
        _owners[slug] = slug;
        _owners[Keys.Name(name)] = slug;
        _slugOf[group] = slug;
        var aliases = new List<SeedAlias>();
        foreach (var item in group.Items.Skip(1).DistinctBy(i => Keys.Name(i.Name), StringComparer.Ordinal))
        {
            if (_owners.TryAdd(Keys.Name(item.Name), slug)) aliases.Add(LookUpOnly(item));
        }
        var maker = Maker(group);
        catalog.Technologies.Add(new SeedTechnology(
            group.First.At, slug, name, KindOf(group), CategoriesOf(group), group.Homepage, group.Repository,
            maker is null ? [] : [maker], aliases, [], [])
        {
            NameCaseSensitive = true,
            Maturity = MaturityOf(group),
            Landscape = EntryOf(group),
        });
        Added++;
    }

    /// <summary>A landscape name kept for look-up (<c>technology(slug:)</c>), never linked in text.</summary>
    private static SeedAlias LookUpOnly(LandscapeItem item) => new(item.At, item.Name, AliasKind.Other, null, false, false);

    /// <summary>
    /// The catalog categories of every place the landscape lists the technology, first listing first. A second path
    /// that names no subcategory of the file (the published file has a few) is left out and reported, not an error:
    /// the file is the landscape's, and a newer one must import as published.
    /// </summary>
    private List<string> CategoriesOf(Group group)
    {
        var slugs = new List<string>();
        foreach (var item in group.Items)
        {
            foreach (var path in item.SecondPaths.Prepend(item.Path))
            {
                if (categories.SlugOf(path) is { } slug) { if (!slugs.Contains(slug)) slugs.Add(slug); }
                else if (!UnknownPaths.Contains(new SeedError(item.At.File, item.At.Line, $"{item.Name}: {path}")))
                    UnknownPaths.Add(new SeedError(item.At.File, item.At.Line, $"{item.Name}: {path}"));
            }
        }
        return slugs;
    }

    private SeedMaker? Maker(Group group)
    {
        var item = group.Items.FirstOrDefault(i => i.Crunchbase is not null);
        if (item is null) return null;
        if (organizations.MakerOf(item.Crunchbase) is { } organization) return new SeedMaker(item.At, organization, OrganizationRole.Listed, item.Crunchbase);
        MakersUnnamed++;
        return null;
    }

    private static Maturity? MaturityOf(Group group) => group.Items.Select(i => i.Maturity).FirstOrDefault(m => m is not null);

    private LandscapeEntry EntryOf(Group group)
    {
        var description = group.Items.Select(i => i.Description).FirstOrDefault(d => d is not null);
        if (description is not null) Descriptions++;
        return new LandscapeEntry
        {
            Category = group.First.Path.Category,
            Subcategory = group.First.Path.Subcategory,
            Description = description,
            Logo = group.Items.Select(i => i.Logo).FirstOrDefault(l => l is not null) is { } logo && logo.StartsWith("./", StringComparison.Ordinal) ? logo[2..]
                : group.Items.Select(i => i.Logo).FirstOrDefault(l => l is not null),
            AcceptedOn = group.Items.Select(i => i.Dates.Accepted).FirstOrDefault(d => d is not null),
            IncubatingOn = group.Items.Select(i => i.Dates.Incubating).FirstOrDefault(d => d is not null),
            GraduatedOn = group.Items.Select(i => i.Dates.Graduated).FirstOrDefault(d => d is not null),
            ArchivedOn = group.Items.Select(i => i.Dates.Archived).FirstOrDefault(d => d is not null),
        };
    }

    /// <summary>
    /// What sort of thing the landscape lists: a specification where it says so, a cloud service in the hosted
    /// subcategories, an open-source project when it has a repository, else a product.
    /// </summary>
    private static TechnologyKind KindOf(Group group) =>
        group.Items.Any(i => i.Specification) ? TechnologyKind.Specification
        : group.Items.All(i => HostedSubcategories.Contains(i.Path.Subcategory, StringComparer.Ordinal)) ? TechnologyKind.CloudService
        : group.Repository is not null ? TechnologyKind.Project
        : TechnologyKind.Product;

    private static IEnumerable<string> FormsOf(SeedTechnology technology) =>
        technology.Aliases.Select(a => Keys.Name(a.Text)).Prepend(Keys.Name(technology.Name)).Append(Keys.Name(technology.Slug));

    /// <summary>"Envoy (Wasm)": a name with a qualifier in parentheses.</summary>
    [GeneratedRegex(@"^(?<base>.*\S)\s*\((?<qualifier>[^()]+)\)$")]
    private static partial Regex Qualified();
}

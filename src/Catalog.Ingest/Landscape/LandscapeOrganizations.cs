using Catalog.Ingest.Import;


namespace Catalog.Ingest.Landscape;

/// <summary>
/// The organisations of the landscape: the items of <c>CNCF Members</c> (with their tier and the day they joined)
/// and of <c>Special</c> (the CNCF programmes: certified service providers, training partners, certified network
/// functions). A Crunchbase URL identifies an organisation across listings ("Alauda (KCSP)", "Alauda (member)").
/// An organisation the curated catalog already has (same slug as the Crunchbase key, or a name or alias that is the
/// landscape's name or slugs to that key, or the same homepage) keeps its curated facts and gains the membership.
/// </summary>
internal sealed class LandscapeOrganizations(SeedCatalog catalog, List<SeedError> errors)
{
    public const string MembersCategory = "CNCF Members";
    public const string SpecialCategory = "Special";

    /// <summary>The Special subcategory whose items are products named by the product, not organisations.</summary>
    private const string ProductListings = "Certified CNFs";

    /// <summary>How the landscape lists members who do not want to be named ("Non-Public Organization Moose").</summary>
    private const string NonPublic = "Non-Public Organization";

    /// <summary>The marks the landscape appends to an organisation's name per listing: "Red Hat (member)", "Alauda (KCSP)".</summary>
    private static readonly string[] ListingMarks = ["member", "supporter", "contributor", "KCSP", "KCNTP"];

    private sealed class Draft(SeedAt at, string? crunchbase, string? crunchbaseSlug)
    {
        public SeedAt At { get; set; } = at;
        public string? Crunchbase { get; } = crunchbase;
        public string? CrunchbaseSlug { get; } = crunchbaseSlug;
        public string? Name { get; set; }
        public bool NamedByMembership { get; set; }
        public string? Homepage { get; set; }
        public string? Tier { get; set; }
        public DateOnly? Joined { get; set; }
        public List<string> Programs { get; } = [];
    }

    private readonly Dictionary<string, Draft> _drafts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _byCrunchbase = new(StringComparer.Ordinal);

    public static bool Lists(string landscapeCategory) => landscapeCategory is MembersCategory or SpecialCategory;

    public int Added { get; private set; }
    public List<LandscapeMerge> Merged { get; } = [];

    /// <summary>Listings left out: non-public members and certified products whose maker has no name.</summary>
    public int Unnamed { get; private set; }

    public void Collect(LandscapeItem item)
    {
        if (item.Name.StartsWith(NonPublic, StringComparison.OrdinalIgnoreCase))
        {
            Unnamed++;
            return;
        }
        var member = item.Path.Category == MembersCategory;
        var namesOrganization = member || item.Path.Subcategory != ProductListings;
        var crunchbaseSlug = Keys.CrunchbaseSlug(item.Crunchbase);
        var name = WithoutMark(item.Name);
        if (crunchbaseSlug is null && !namesOrganization)
        {
            Unnamed++;
            return;
        }
        var key = crunchbaseSlug is not null ? "crunchbase:" + crunchbaseSlug : "name:" + Keys.Name(name);
        if (!_drafts.TryGetValue(key, out var draft)) _drafts[key] = draft = new Draft(item.At, item.Crunchbase, crunchbaseSlug);

        if (member)
        {
            // The membership listing names the organisation best; the first one found gives the tier.
            if (!draft.NamedByMembership) (draft.Name, draft.NamedByMembership, draft.At) = (name, true, item.At);
            draft.Tier ??= item.Path.Subcategory;
            draft.Joined ??= item.Joined;
        }
        else
        {
            if (namesOrganization) draft.Name ??= name;
            if (!draft.Programs.Contains(item.Path.Subcategory)) draft.Programs.Add(item.Path.Subcategory);
        }
        if (namesOrganization) draft.Homepage ??= item.Homepage;
    }

    /// <summary>Merges the collected organisations into the curated ones, or adds them.</summary>
    public void Resolve()
    {
        var curated = new CuratedOrganizations(catalog.Organizations);
        _index = curated;
        var homepages = _drafts.Values.Select(d => Keys.Url(d.Homepage)).OfType<string>().CountBy(h => h).ToDictionary(p => p.Key, p => p.Value);
        var taken = catalog.Organizations.Select(o => o.Slug).ToHashSet(StringComparer.Ordinal);
        // A slug given twice is the compiler's to report; the first entry of it is the one merged into.
        var indexes = catalog.Organizations.Select((o, i) => (o.Slug, i)).DistinctBy(p => p.Slug, StringComparer.Ordinal).ToDictionary(p => p.Slug, p => p.i, StringComparer.Ordinal);
        foreach (var draft in _drafts.Values)
        {
            var homepage = Keys.Url(draft.Homepage);
            var (match, matchedBy) = curated.Find(draft.CrunchbaseSlug, draft.Name, homepage is not null && homepages[homepage] == 1 ? homepage : null);
            if (match is not null)
            {
                var index = indexes[match];
                var organization = catalog.Organizations[index];
                catalog.Organizations[index] = organization with
                {
                    Homepage = organization.Homepage ?? draft.Homepage,
                    Membership = organization.Membership ?? draft.Tier,
                    MemberSince = organization.MemberSince ?? draft.Joined,
                    CncfPrograms = [.. organization.CncfPrograms.Union(draft.Programs, StringComparer.Ordinal)],
                    Crunchbase = organization.Crunchbase ?? draft.Crunchbase,
                };
                Merged.Add(new LandscapeMerge(draft.Name ?? draft.CrunchbaseSlug!, match, matchedBy));
                Remember(draft.CrunchbaseSlug, match);
                continue;
            }
            if (draft.Name is null)
            {
                Unnamed++;
                continue;
            }
            if (draft.Name.Length > Catalog.Model.Configurations.Limits.Name)
            {
                errors.Add(new SeedError(draft.At.File, draft.At.Line, $"The organisation name '{draft.Name[..40]}…' is longer than {Catalog.Model.Configurations.Limits.Name} characters."));
                continue;
            }
            var preferred = draft.CrunchbaseSlug is { } key && YamlMap.IsSlug(key) ? key : Keys.Slug(draft.Name);
            var slug = Keys.Unique(preferred.Length == 0 ? "organization" : preferred, taken.Contains);
            taken.Add(slug);
            catalog.Organizations.Add(new SeedOrganization(draft.At, slug, draft.Name, null, KindOf(draft.Tier), null, draft.Homepage, [])
            {
                Membership = draft.Tier,
                MemberSince = draft.Joined,
                CncfPrograms = draft.Programs,
                Crunchbase = draft.Crunchbase,
            });
            Added++;
            Remember(draft.CrunchbaseSlug, slug);
        }
    }

    private CuratedOrganizations? _index;

    /// <summary>
    /// The organisation behind a technology's Crunchbase URL, when the landscape or the curated catalog names it;
    /// null otherwise (a name made up from the URL might be wrong: "ctrip" is Trip.com).
    /// </summary>
    public string? MakerOf(string? crunchbase)
    {
        var key = Keys.CrunchbaseSlug(crunchbase);
        if (key is null) return null;
        if (!_byCrunchbase.TryGetValue(key, out var slug))
            _byCrunchbase[key] = slug = (_index ??= new CuratedOrganizations(catalog.Organizations)).Find(key, null, null).Slug;
        return slug;
    }

    private void Remember(string? crunchbaseSlug, string slug)
    {
        if (crunchbaseSlug is not null) _byCrunchbase[crunchbaseSlug] = slug;
    }

    /// <summary>The curated organisations by the keys a landscape listing is compared with.</summary>
    private sealed class CuratedOrganizations
    {
        private readonly Dictionary<string, string> _bySlug = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _byName = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> _byHomepage = new(StringComparer.Ordinal);

        public CuratedOrganizations(IEnumerable<SeedOrganization> curated)
        {
            foreach (var o in curated)
            {
                foreach (var key in o.Aliases.Select(Keys.Slug).Prepend(Keys.Slug(o.Name)).Prepend(o.Slug)) _bySlug.TryAdd(key, o.Slug);
                foreach (var name in o.Aliases.Prepend(o.NameJa).Prepend(o.Name).OfType<string>()) _byName.TryAdd(Keys.Name(name), o.Slug);
                if (Keys.Url(o.Homepage) is { } homepage)
                {
                    if (!_byHomepage.TryGetValue(homepage, out var slugs)) _byHomepage[homepage] = slugs = [];
                    slugs.Add(o.Slug);
                }
            }
        }

        /// <summary>
        /// The curated organisation whose slug, or a name or alias made a slug, is the Crunchbase key; else whose
        /// name or alias is the landscape's name; else the one with the homepage.
        /// </summary>
        public (string? Slug, string MatchedBy) Find(string? crunchbaseSlug, string? name, string? homepage)
        {
            if (crunchbaseSlug is not null && _bySlug.TryGetValue(crunchbaseSlug, out var bySlug)) return (bySlug, "crunchbase");
            if (name is not null && _byName.TryGetValue(Keys.Name(name), out var byName)) return (byName, "name");
            if (homepage is not null && _byHomepage.TryGetValue(homepage, out var slugs) && slugs is [var byHomepage]) return (byHomepage, "homepage");
            return (null, "");
        }
    }

    private static string WithoutMark(string name)
    {
        var open = name.LastIndexOf(" (", StringComparison.Ordinal);
        if (open > 0 && name.EndsWith(')') && ListingMarks.Contains(name[(open + 2)..^1], StringComparer.OrdinalIgnoreCase)) return name[..open].Trim();
        return name.Trim();
    }

    private static OrganizationKind KindOf(string? tier) => tier switch
    {
        "Academic" => OrganizationKind.Academic,
        "Nonprofit" => OrganizationKind.Nonprofit,
        _ => OrganizationKind.Company,
    };
}

using Catalog.Api.Organizations;

namespace Catalog.Api.Import.Landscape;

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

    private readonly HashSet<string> _curated = catalog.Organizations.Select(o => o.Slug).ToHashSet(StringComparer.Ordinal);
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
        var homepages = _drafts.Values.Select(d => Keys.Url(d.Homepage)).OfType<string>().CountBy(h => h).ToDictionary(p => p.Key, p => p.Value);
        var taken = catalog.Organizations.Select(o => o.Slug).ToHashSet(StringComparer.Ordinal);
        foreach (var draft in _drafts.Values)
        {
            var homepage = Keys.Url(draft.Homepage);
            var (curated, matchedBy) = Curated(draft.CrunchbaseSlug, draft.Name, homepage is not null && homepages[homepage] == 1 ? homepage : null);
            if (curated is not null)
            {
                var index = catalog.Organizations.IndexOf(curated);
                catalog.Organizations[index] = curated with
                {
                    Homepage = curated.Homepage ?? draft.Homepage,
                    Membership = curated.Membership ?? draft.Tier,
                    MemberSince = curated.MemberSince ?? draft.Joined,
                    CncfPrograms = [.. curated.CncfPrograms.Union(draft.Programs, StringComparer.Ordinal)],
                    Crunchbase = curated.Crunchbase ?? draft.Crunchbase,
                };
                Merged.Add(new LandscapeMerge(draft.Name ?? draft.CrunchbaseSlug!, curated.Slug, matchedBy));
                Remember(draft.CrunchbaseSlug, curated.Slug);
                continue;
            }
            if (draft.Name is null)
            {
                Unnamed++;
                continue;
            }
            if (draft.Name.Length > Data.Configurations.Limits.Name)
            {
                errors.Add(new SeedError(draft.At.File, draft.At.Line, $"The organisation name '{draft.Name[..40]}…' is longer than {Data.Configurations.Limits.Name} characters."));
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

    /// <summary>
    /// The organisation behind a technology's Crunchbase URL, when the landscape or the curated catalog names it;
    /// null otherwise (a name made up from the URL might be wrong: "ctrip" is Trip.com).
    /// </summary>
    public string? MakerOf(string? crunchbase)
    {
        var key = Keys.CrunchbaseSlug(crunchbase);
        if (key is null) return null;
        if (!_byCrunchbase.TryGetValue(key, out var slug))
            _byCrunchbase[key] = slug = Curated(key, null, null).Organization?.Slug;
        return slug;
    }

    private void Remember(string? crunchbaseSlug, string slug)
    {
        if (crunchbaseSlug is not null) _byCrunchbase[crunchbaseSlug] = slug;
    }

    private (SeedOrganization? Organization, string MatchedBy) Curated(string? crunchbaseSlug, string? name, string? homepage)
    {
        // Only the curated entries are candidates, not the ones added from the landscape.
        var curated = catalog.Organizations.Where(o => _curated.Contains(o.Slug)).ToList();
        if (crunchbaseSlug is not null && curated.Find(o => o.Slug == crunchbaseSlug || Keys.Slug(o.Name) == crunchbaseSlug || o.Aliases.Any(a => Keys.Slug(a) == crunchbaseSlug)) is { } bySlug)
            return (bySlug, "crunchbase");
        if (name is not null)
        {
            var key = Keys.Name(name);
            if (curated.Find(o => Keys.Name(o.Name) == key || (o.NameJa is { } ja && Keys.Name(ja) == key) || o.Aliases.Any(a => Keys.Name(a) == key)) is { } byName)
                return (byName, "name");
        }
        if (homepage is not null && curated.Where(o => Keys.Url(o.Homepage) == homepage).ToList() is [var byHomepage])
            return (byHomepage, "homepage");
        return (null, "");
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

using Catalog.Api.Organizations;
using Catalog.Api.Technologies;
using Catalog.Ingest.Import;
using Catalog.Ingest.Landscape;
using Catalog.Ingest.Linking;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;

namespace Catalog.Tests.Import.Landscape;

/// <summary>The landscape merge on a fixture of our own (<see cref="LandscapeFixture"/>), checked at the plan.</summary>
public sealed class LandscapeMergeTests
{
    private static readonly ImportPlan Plan = LandscapeFixture.Plan();

    private static SeedTechnology Technology(string slug) => Assert.Single(Plan.Catalog.Technologies, t => t.Slug == slug);

    private static SeedOrganization Organization(string slug) => Assert.Single(Plan.Catalog.Organizations, o => o.Slug == slug);

    /// <summary>The technology a name leads to, as technology(slug:) finds it (by the normalised form).</summary>
    private static string? Resolve(string name) =>
        Plan.Aliases.SingleOrDefault(p => p.Value.Any(a => a.Normalized == TechnologyAlias.Normalize(name))).Key;

    [Fact]
    public void A_curated_technology_keeps_its_own_facts_and_gains_what_it_lacks()
    {
        var containerd = Technology("containerd");
        Assert.Equal("https://containerd.io/", containerd.Homepage);
        Assert.Equal("https://github.com/containerd/containerd", containerd.Repository);
        Assert.Equal(Maturity.Graduated, containerd.Maturity);
        Assert.Equal("A container runtime in our words.", containerd.Definitions.Single(d => d.Lang == Lang.En).Short);
        var landscape = containerd.Landscape!;
        Assert.Equal(("Runtime", "Container Runtime", "containerd.svg"), (landscape.Category, landscape.Subcategory, landscape.Logo));
        Assert.Equal((new DateOnly(2017, 3, 29), new DateOnly(2017, 3, 29), new DateOnly(2019, 2, 28), (DateOnly?)null),
            (landscape.AcceptedOn, landscape.IncubatingOn, landscape.GraduatedOn, landscape.ArchivedOn));
        // The curated categories stay as they are: the landscape's listings ("containerd (Wasm)" too) add none.
        Assert.Equal(["container-runtime"], containerd.Categories);
        Assert.Equal(["orchestration-management"], Technology("kubernetes").Categories);
        var maker = Assert.Single(containerd.Organizations);
        Assert.Equal(("cncf", OrganizationRole.Listed), (maker.Organization, maker.Role));
    }

    [Fact]
    public void The_landscape_description_is_kept_as_its_text_never_as_a_definition()
    {
        var containerd = Technology("containerd");
        Assert.Equal("The landscape's own sentence about containerd.", containerd.Landscape!.Description);
        Assert.DoesNotContain(containerd.Definitions, d => d.Short.Contains("landscape's own", StringComparison.Ordinal));
        Assert.Equal(1, Plan.Landscape!.Descriptions);
    }

    [Theory]
    [InlineData("containerd", "containerd", "name")]
    [InlineData("K8s", "kubernetes", "name")]
    [InlineData("Istio Service Mesh", "istio", "repository")]
    [InlineData("Conduit Mesh", "conduit", "homepage")]
    public void Landscape_items_merge_into_curated_technologies_by_name_alias_repository_or_homepage(string item, string slug, string matchedBy)
    {
        Assert.Contains(new LandscapeMerge(item, slug, matchedBy), Plan.Landscape!.TechnologiesMerged);
        Assert.Equal(slug, Resolve(item));
        Assert.DoesNotContain(Plan.Catalog.Technologies, t => t.Slug != slug && TechnologyAlias.Normalize(t.Name) == TechnologyAlias.Normalize(item));
    }

    [Fact]
    public void Nothing_is_listed_twice()
    {
        var names = Plan.Catalog.Technologies.Select(t => TechnologyAlias.Normalize(t.Name)).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        // Curated 5, plus Kuasar, Harbor, Compass, K9, Polaris and Okahu; containerd (Wasm) is containerd.
        Assert.Equal(11, Plan.Catalog.Technologies.Count);
        Assert.Equal("containerd", Resolve("containerd (Wasm)"));
        Assert.Equal(["mesh", "scheduling-orchestration"], Technology("okahu").Categories);
    }

    [Fact]
    public void A_curated_concept_is_never_a_landscape_item_and_the_item_waits_for_a_curated_entry()
    {
        var serverless = Technology("serverless");
        Assert.Null(serverless.Landscape);
        Assert.Null(serverless.Repository);
        var left = Assert.Single(Plan.Landscape!.LeftOut);
        Assert.Equal(("Serverless", "serverless"), (left.Name, left.Slug));
        Assert.DoesNotContain(Plan.Landscape.TechnologiesMerged, m => m.Slug == "serverless");
    }

    [Fact]
    public void A_merged_name_is_a_look_up_form_that_never_links()
    {
        var alias = Plan.Aliases["istio"].Single(a => a.Text == "Istio Service Mesh");
        Assert.False(alias.Match);
        Assert.Equal(AliasKind.Other, alias.Kind);
    }

    [Fact]
    public void Second_paths_and_missing_categories_are_placed_in_the_tree()
    {
        Assert.Equal(["container-runtime", "runtimes"], Technology("kuasar").Categories);
        var added = Plan.Catalog.Categories.Where(c => c.At.File == LandscapeFixture.LandscapePath).ToList();
        Assert.Equal(["scheduling-orchestration", "empty-for-now", "wasm", "runtimes"], added.Select(c => c.Slug));
        var scheduling = added[0];
        Assert.Equal(("orchestration-management", "Scheduling & Orchestration", "Scheduling & Orchestration"), (scheduling.Parent, scheduling.NameEn, scheduling.NameJa));
        Assert.Equal("wasm", added[3].Parent);
        // "Service Mesh" is the curated category "mesh" by its alias: nothing added for it.
        Assert.Equal(["mesh", "scheduling-orchestration"], Technology("okahu").Categories);
    }

    [Fact]
    public void Maturity_and_its_dates_come_from_the_file()
    {
        var kuasar = Technology("kuasar");
        Assert.Equal(Maturity.Sandbox, kuasar.Maturity);
        Assert.Equal(new DateOnly(2023, 12, 19), kuasar.Landscape!.AcceptedOn);
        Assert.Null(kuasar.Landscape.GraduatedOn);
        Assert.Equal(Maturity.Graduated, Technology("istio").Maturity);
        Assert.Null(Technology("harbor").Maturity);
        Assert.Equal(TechnologyKind.Project, kuasar.Kind);
        Assert.Equal(TechnologyKind.Product, Technology("compass").Kind);
    }

    [Fact]
    public void A_landscape_only_name_is_case_sensitive_and_ordinary_words_are_ambiguous()
    {
        var kuasar = Plan.Aliases["kuasar"].Single(a => a.Kind == AliasKind.Name);
        Assert.True(kuasar.Match);
        Assert.True(kuasar.CaseSensitive);
        string? Why(string slug) => Plan.Aliases[slug].Single(a => a.Kind == AliasKind.Name).Ambiguity;
        // Ordinary words still link, but only where their context is about them (Linking/Linker).
        Assert.Equal(NameAmbiguity.Word, Why("harbor"));
        Assert.Equal(NameAmbiguity.Word, Why("compass"));
        Assert.Equal(NameAmbiguity.Short, Why("k9"));
        Assert.Null(kuasar.Ambiguity);
    }

    [Fact]
    public void Mentions_in_notes_follow_the_linking_rules()
    {
        // "KUASAR" shouts the name and links; "kuasar" in lower case is a word written as a word, which the document
        // naming Kuasar only weighs for and does not prove; the ordinary words of line 3 (harbor, compass, flux, kraken)
        // have nothing around them that is about the technologies.
        var mentions = Plan.Mentions.Select(m => (m.Technology, m.Line, m.MatchedText)).ToList();
        Assert.Equal(
            [("kuasar", 1, "Kuasar"), ("containerd", 1, "containerd"), ("kubernetes", 1, "k8s"), ("kuasar", 2, "KUASAR"), ("okahu", 4, "Okahu")],
            mentions);
    }

    [Fact]
    public void Members_and_programmes_are_organisations_with_their_tier()
    {
        var redHat = Organization("red-hat");
        Assert.Equal(("Red Hat", "Platinum", new DateOnly(2016, 3, 10)), (redHat.Name, redHat.Membership, redHat.MemberSince));
        Assert.Equal("https://www.redhat.com/", redHat.Homepage);
        Assert.Contains(new LandscapeMerge("Red Hat", "red-hat", "crunchbase"), Plan.Landscape!.OrganizationsMerged);

        var fairwinds = Organization("fairwinds");
        Assert.Equal(("Fairwinds", "Silver", OrganizationKind.Company), (fairwinds.Name, fairwinds.Membership, fairwinds.Kind));
        Assert.Equal(["Kubernetes Certified Service Provider"], fairwinds.CncfPrograms);
        Assert.Equal("https://www.crunchbase.com/organization/fairwinds", fairwinds.Crunchbase);
        Assert.Equal(OrganizationKind.Academic, Organization("example-university").Kind);

        Assert.DoesNotContain(Plan.Catalog.Organizations, o => o.Name.Contains("Non-Public", StringComparison.Ordinal));
        Assert.DoesNotContain(Plan.Catalog.Technologies, t => t.Name.Contains("(member)", StringComparison.Ordinal) || t.Name.Contains("(KCSP)", StringComparison.Ordinal));
        Assert.Equal(1, Plan.Landscape.MembersUnnamed);
    }

    [Fact]
    public void The_maker_is_the_organisation_the_landscape_or_the_catalog_names_and_otherwise_left_out()
    {
        Assert.Equal("fairwinds", Assert.Single(Technology("polaris").Organizations).Organization);
        Assert.Equal("cncf", Assert.Single(Technology("kuasar").Organizations).Organization);
        Assert.Empty(Technology("compass").Organizations);
        Assert.Equal(1, Plan.Landscape!.MakersUnnamed);
        Assert.DoesNotContain(Plan.Catalog.Organizations, o => o.Slug == "some-startup");
    }

    [Fact]
    public void Without_a_landscape_file_the_plan_has_no_landscape_facts()
    {
        var plan = LandscapeFixture.Plan(landscape: null);
        Assert.Null(plan.Landscape);
        Assert.All(plan.Catalog.Technologies, t => Assert.Null(t.Landscape));
        Assert.Equal(5, plan.Catalog.Technologies.Count);
    }
}

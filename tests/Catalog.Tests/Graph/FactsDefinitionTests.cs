using Catalog.Api.Categories;
using Catalog.Api.Organizations;
using Catalog.Api.Technologies;

namespace Catalog.Tests.Graph;

/// <summary>A technology no one has defined gets sentences made of the catalog's facts about it, and of nothing else.</summary>
public sealed class FactsDefinitionTests
{
    private static Technology Landscaped(TechnologyKind kind, string? repository, Maturity? maturity, LandscapeEntry landscape) => new()
    {
        Id = 7, Slug = "x", Name = "Xylo", Kind = kind, Repository = repository, Maturity = maturity, Landscape = landscape,
    };

    [Fact]
    public void A_sandbox_project_says_its_landscape_place_and_when_the_cncf_accepted_it_and_not_the_cncf_as_its_maker()
    {
        var technology = Landscaped(TechnologyKind.Project, "https://github.com/x/xylo", Maturity.Sandbox,
            new LandscapeEntry { Category = "Provisioning", Subcategory = "Security & Compliance", AcceptedOn = new DateOnly(2021, 3, 2) });
        var cncf = new Organization { Name = "Cloud Native Computing Foundation", Slug = "cncf", Kind = OrganizationKind.Foundation };

        var (en, ja) = Pair(FactsDefinition.Compose(technology, [cncf], []));

        Assert.Equal("Xylo is an open-source project, listed in the CNCF landscape under Provisioning / Security & Compliance. The CNCF accepted it into its sandbox on 2 March 2021.", en.Short);
        Assert.Equal("Xyloは、CNCFランドスケープの「Provisioning / Security & Compliance」に掲載されているオープンソースプロジェクト。2021年3月2日にCNCFのサンドボックスプロジェクトとして採択された。", ja.Short);
        Assert.Equal(FactsDefinition.LandscapeUrl, en.SourceUrl);
    }

    [Fact]
    public void A_product_names_its_maker_and_says_its_source_is_public_only_when_it_has_a_repository()
    {
        var landscape = new LandscapeEntry { Category = "Observability and Analysis", Subcategory = "Observability" };
        var maker = new Organization { Name = "Acme Corp", NameJa = "アクメ株式会社", Slug = "acme", Kind = OrganizationKind.Company };

        var (closedEn, closedJa) = Pair(FactsDefinition.Compose(Landscaped(TechnologyKind.Product, null, null, landscape), [maker], []));
        var (openEn, _) = Pair(FactsDefinition.Compose(Landscaped(TechnologyKind.Product, "https://github.com/acme/xylo", null, landscape), [maker], []));

        Assert.Equal("Xylo is a product from Acme Corp, listed in the CNCF landscape under Observability and Analysis / Observability.", closedEn.Short);
        Assert.Equal("Xyloは、CNCFランドスケープの「Observability and Analysis / Observability」に掲載されているアクメ株式会社の製品。", closedJa.Short);
        Assert.EndsWith(" Its source code is public.", openEn.Short, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_the_landscape_the_catalogs_category_places_it()
    {
        var technology = new Technology { Id = 3, Slug = "y", Name = "Yarrow", Kind = TechnologyKind.CloudService, Homepage = "https://yarrow.example/" };
        var category = new Category { Slug = "serverless", NameEn = "Serverless", NameJa = "サーバーレス" };

        var (en, ja) = Pair(FactsDefinition.Compose(technology, [], [category]));

        Assert.Equal("Yarrow is a cloud service, in the catalog's Serverless category.", en.Short);
        Assert.Equal("Yarrowは、カタログの「サーバーレス」に分類されるクラウドサービス。", ja.Short);
        Assert.Equal("https://yarrow.example/", en.SourceUrl);
    }

    private static (TechnologyDefinition En, TechnologyDefinition Ja) Pair(TechnologyDefinition[] definitions) =>
        (definitions.Single(d => d.Lang == Lang.En), definitions.Single(d => d.Lang == Lang.Ja));
}

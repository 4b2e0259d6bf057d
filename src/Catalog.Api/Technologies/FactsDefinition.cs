using System.Globalization;
using Catalog.Api.Categories;
using Catalog.Api.Organizations;

namespace Catalog.Api.Technologies;

/// <summary>
/// The definition of a technology no one has defined: a sentence in each language composed from the facts the catalog
/// holds (its kind, its maker, its place in the CNCF landscape or the catalog, its CNCF maturity and whether its source
/// is public), so that it says nothing the catalog does not know. Served marked as <see cref="DefinitionSource.Facts"/>.
/// </summary>
public static class FactsDefinition
{
    /// <summary>Where the facts come from when the landscape gave them.</summary>
    public const string LandscapeUrl = "https://landscape.cncf.io/";

    private const string Cncf = "Cloud Native Computing Foundation";

    public static TechnologyDefinition[] Compose(Technology technology, IReadOnlyList<Organization> makers, IReadOnlyList<Category> categories)
    {
        // The CNCF is recorded as the maker of the projects it hosts; their maturity sentence says that better.
        var maker = makers.FirstOrDefault(m => !(technology.Maturity is not null && m.Name == Cncf));
        var category = categories.Count > 0 ? categories[0] : null;
        var source = technology.Landscape is not null ? LandscapeUrl : technology.Homepage ?? technology.Repository;
        return
        [
            new TechnologyDefinition { TechnologyId = technology.Id, Lang = Lang.En, Short = English(technology, maker, category), SourceUrl = source },
            new TechnologyDefinition { TechnologyId = technology.Id, Lang = Lang.Ja, Short = Japanese(technology, maker, category), SourceUrl = source },
        ];
    }

    private static string English(Technology t, Organization? maker, Category? category)
    {
        var what = t.Kind switch
        {
            TechnologyKind.Project => t.Repository is not null ? "an open-source project" : "a project",
            TechnologyKind.Product => "a product",
            TechnologyKind.CloudService => "a cloud service",
            TechnologyKind.Specification => "a specification",
            TechnologyKind.Protocol => "a protocol",
            TechnologyKind.Concept => "a concept",
            _ => "a kernel feature",
        };
        var by = maker is null ? "" : $" from {maker.Name}";
        var where = t.Landscape is { } l ? $", listed in the CNCF landscape under {l.Category} / {l.Subcategory}"
            : category is not null ? $", in the catalog's {category.NameEn} category" : "";
        var text = $"{t.Name} is {what}{by}{where}.";
        text += t.Maturity switch
        {
            Maturity.Sandbox => t.Landscape?.AcceptedOn is { } on ? $" The CNCF accepted it into its sandbox on {Date(on)}." : " It is a CNCF sandbox project.",
            Maturity.Incubating => t.Landscape?.IncubatingOn is { } on ? $" It has been an incubating CNCF project since {Date(on)}." : " It is an incubating CNCF project.",
            Maturity.Graduated => t.Landscape?.GraduatedOn is { } on ? $" It has been a graduated CNCF project since {Date(on)}." : " It is a graduated CNCF project.",
            Maturity.Archived => t.Landscape?.ArchivedOn is { } on ? $" The CNCF archived it on {Date(on)}." : " It is an archived CNCF project.",
            _ => "",
        };
        if (t.Repository is not null && t.Kind != TechnologyKind.Project) text += " Its source code is public.";
        return text;
    }

    private static string Japanese(Technology t, Organization? maker, Category? category)
    {
        var what = t.Kind switch
        {
            TechnologyKind.Project => t.Repository is not null ? "オープンソースプロジェクト" : "プロジェクト",
            TechnologyKind.Product => "製品",
            TechnologyKind.CloudService => "クラウドサービス",
            TechnologyKind.Specification => "仕様",
            TechnologyKind.Protocol => "プロトコル",
            TechnologyKind.Concept => "概念",
            _ => "カーネル機能",
        };
        var by = maker is null ? "" : $"{maker.NameJa ?? maker.Name}の";
        var where = t.Landscape is { } l ? $"CNCFランドスケープの「{l.Category} / {l.Subcategory}」に掲載されている"
            : category is not null ? $"カタログの「{category.NameJa}」に分類される" : "";
        var text = $"{t.Name}は、{where}{by}{what}。";
        text += t.Maturity switch
        {
            Maturity.Sandbox => t.Landscape?.AcceptedOn is { } on ? $"{DateJa(on)}にCNCFのサンドボックスプロジェクトとして採択された。" : "CNCFのサンドボックスプロジェクト。",
            Maturity.Incubating => t.Landscape?.IncubatingOn is { } on ? $"{DateJa(on)}からCNCFのインキュベーティングプロジェクト。" : "CNCFのインキュベーティングプロジェクト。",
            Maturity.Graduated => t.Landscape?.GraduatedOn is { } on ? $"{DateJa(on)}からCNCFの卒業プロジェクト。" : "CNCFの卒業プロジェクト。",
            Maturity.Archived => t.Landscape?.ArchivedOn is { } on ? $"{DateJa(on)}にCNCFでアーカイブされた。" : "CNCFでアーカイブされたプロジェクト。",
            _ => "",
        };
        if (t.Repository is not null && t.Kind != TechnologyKind.Project) text += "ソースコードは公開されている。";
        return text;
    }

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string DateJa(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
}

using Catalog.Ingest.Import;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;
using Catalog.Tests.Infrastructure;

namespace Catalog.Tests.Import;

/// <summary>The effective seed: the seed folder's files with the files imported through the API.</summary>
public sealed class EffectiveSeedTests
{
    private static readonly List<SeedFile> Folder = SeedLoader.ReadFolder(Seeds.Repository);

    private const string Notes = "# Extra notes\n\n- Istioの話\n";

    private static string Catalog(string relationTarget) => $$"""
        documents:
          - { slug: extra-notes, file: notes/extra.md, title: Extra notes, language: en, sections: [{ slug: introduction, heading: Extra notes, kind: introduction }] }
        technologies:
          - slug: extra-mesh
            name: Extra Mesh
            kind: project
            categories: [service-mesh]
            definition: { en: A test mesh., ja: テスト用。 }
            relations:
              - { kind: alternative-to, target: {{relationTarget}} }

        """;

    private static List<SeedFile> Imported(string relationTarget = "istio") =>
        [new("notes/extra.md", Notes, Imported: true), new("catalog/extra.yaml", Catalog(relationTarget), Imported: true)];

    [Fact]
    public void The_folder_alone_hashes_as_before_and_imported_files_change_the_hash()
    {
        var folderOnly = SeedLoader.Load(Seeds.Repository);
        var withNothingImported = SeedLoader.Load(Seeds.Repository, Folder, []);
        var withImported = SeedLoader.Load(Seeds.Repository, Folder, Imported());

        Assert.Equal(folderOnly.SeedHash, withNothingImported.SeedHash);
        Assert.NotEqual(folderOnly.SeedHash, withImported.SeedHash);
        // Folder documents come first, so the seed's talks keep their order ahead of imported ones.
        Assert.Equal("extra-notes", withImported.Documents[^1].Seed.Slug);
        Assert.Contains(withImported.Mentions, m => m.Document == "extra-notes" && m.Technology == "istio" && m.Line == 3);
    }

    [Fact]
    public void A_problem_in_an_imported_file_names_it_as_imported()
    {
        var exception = Assert.Throws<SeedException>(() => SeedLoader.Load(Seeds.Repository, Folder, Imported("gone")));

        var error = Assert.Single(exception.Errors);
        Assert.Equal("imported:catalog/extra.yaml", error.File);
        Assert.Equal(10, error.Line);
        Assert.StartsWith("imported:catalog/extra.yaml:10: Technology 'extra-mesh' refers to the technology 'gone'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_file_wins_over_an_imported_file_of_the_same_path()
    {
        const string path = "notes/japan-container-days-v18-04.md";
        var merged = SeedLoader.Merge(Folder, [new(path, "# Not the real notes\n", Imported: true)]);

        var file = Assert.Single(merged, f => f.Path == path);
        Assert.False(file.Imported);
        Assert.Equal(SeedLoader.Load(Seeds.Repository).SeedHash, SeedLoader.Load(merged).SeedHash);
    }
}

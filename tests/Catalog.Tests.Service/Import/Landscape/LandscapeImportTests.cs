using Catalog.Api.Technologies;
using Catalog.Ingest.Import;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;
using Catalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Catalog.Tests.Import.Landscape;

/// <summary>The landscape fixture written to PostgreSQL: its facts land in their columns, and imports stay idempotent.</summary>
public sealed class LandscapeImportTests : IDisposable
{
    private readonly string _seed = Path.Combine(Path.GetTempPath(), "catalog-landscape-" + Guid.NewGuid().ToString("N"));

    public LandscapeImportTests()
    {
        foreach (var file in LandscapeFixture.Files()) Write(file.Path, file.Text);
    }

    public void Dispose()
    {
        try { Directory.Delete(_seed, recursive: true); } catch (IOException) { }
    }

    private void Write(string path, string text)
    {
        var full = Path.Combine(_seed, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private static CatalogImporter Importer(string database) => new(TestPostgres.Factory(database), NullLogger<CatalogImporter>.Instance);

    [Fact]
    public async Task The_facts_are_stored_and_a_second_import_changes_nothing()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        var first = await Importer(database).ImportAsync(_seed);
        Assert.True(first.Changed);
        Assert.Equal(11, first.Changes["Technology"].Added);

        await using (var db = TestPostgres.Context(database))
        {
            var containerd = await db.Technologies.AsNoTracking().SingleAsync(t => t.Slug == "containerd");
            Assert.Equal(Maturity.Graduated, containerd.Maturity);
            Assert.Equal(("Runtime", "Container Runtime", new DateOnly(2019, 2, 28)), (containerd.Landscape!.Category, containerd.Landscape.Subcategory, containerd.Landscape.GraduatedOn));
            Assert.Null((await db.Technologies.AsNoTracking().SingleAsync(t => t.Slug == "conduit")).Maturity);
            Assert.Null((await db.Technologies.AsNoTracking().SingleAsync(t => t.Slug == "serverless")).Landscape);
            Assert.Equal(["containerd", "istio", "kubernetes"],
                await db.Technologies.Where(t => t.Maturity == Maturity.Graduated).OrderBy(t => t.Slug).Select(t => t.Slug).ToListAsync());
            var fairwinds = await db.Organizations.AsNoTracking().SingleAsync(o => o.Slug == "fairwinds");
            Assert.Equal(("Silver", new DateOnly(2019, 6, 18)), (fairwinds.Membership, fairwinds.MemberSince));
            Assert.Equal(["Kubernetes Certified Service Provider"], fairwinds.CncfPrograms);
            Assert.True(await db.TechnologyOrganizations.AnyAsync(o => o.Role == OrganizationRole.Listed && o.Organization!.Slug == "fairwinds"));
        }

        var second = await Importer(database).ImportAsync(_seed);
        Assert.False(second.Changed, string.Join(", ", second.Changes.Select(c => $"{c.Key} {c.Value}")));
    }

    [Fact]
    public async Task A_newer_landscape_updates_what_changed_and_start_up_skips_an_unchanged_seed_without_reading_it()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        await Importer(database).ImportAsync(_seed);
        var lines = LandscapeFixture.Landscape.Replace("project: sandbox", "project: incubating", StringComparison.Ordinal).Split('\n').ToList();
        var accepted = lines.FindIndex(l => l.Trim() == "accepted: '2023-12-19'");
        lines.Insert(accepted + 1, lines[accepted].Replace("accepted: '2023-12-19'", "incubating: '2026-06-01'", StringComparison.Ordinal));
        Write(LandscapeFixture.LandscapePath, string.Join('\n', lines));

        var changed = await Importer(database).ImportAsync(_seed, onlyIfChanged: true);
        Assert.Equal(new ChangeCount(0, 1, 0), changed.Changes["Technology"]);
        await using (var db = TestPostgres.Context(database))
        {
            var kuasar = await db.Technologies.AsNoTracking().SingleAsync(t => t.Slug == "kuasar");
            Assert.Equal((Maturity.Incubating, new DateOnly(2026, 6, 1)), (kuasar.Maturity, kuasar.Landscape!.IncubatingOn));
            Assert.Equal(changed.SeedHash, await db.SeedStates.Select(s => s.SeedHash).SingleAsync());
        }

        // Start-up with the same files: the hash of the files is enough, nothing is read or written.
        var startUp = await Importer(database).ImportAsync(_seed, onlyIfChanged: true);
        Assert.Equal(changed.SeedHash, startUp.SeedHash);
        Assert.False(startUp.Changed);
        Assert.Empty(startUp.Counts);
    }
}

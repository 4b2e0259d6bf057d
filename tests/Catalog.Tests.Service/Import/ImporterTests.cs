using Catalog.Api.Data;
using Catalog.Ingest.Import;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;
using Catalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Catalog.Tests.Import;

public sealed class ImporterTests
{
    private static CatalogImporter Importer(string connectionString) =>
        new(TestPostgres.Factory(connectionString), NullLogger<CatalogImporter>.Instance);

    /// <summary>Every row of the catalog tables, as text, so two states can be compared whole.</summary>
    private static async Task<List<string>> SnapshotAsync(string connectionString)
    {
        await using var db = TestPostgres.Context(connectionString);
        var rows = new List<string>();
        rows.AddRange((await db.Technologies.AsNoTracking().ToListAsync()).Select(t => $"T {t.Id} {t.Slug} {t.Name} {t.Kind} {t.Homepage}"));
        rows.AddRange((await db.TechnologyAliases.AsNoTracking().ToListAsync()).Select(a => $"A {a.Id} {a.TechnologyId} {a.Text} {a.Kind} {a.Match}"));
        rows.AddRange((await db.TechnologyDefinitions.AsNoTracking().ToListAsync()).Select(d => $"D {d.Id} {d.TechnologyId} {d.Lang} {d.Short}"));
        rows.AddRange((await db.TechnologyRelations.AsNoTracking().ToListAsync()).Select(r => $"R {r.Id} {r.FromId} {r.ToId} {r.Kind}"));
        rows.AddRange((await db.Mentions.AsNoTracking().ToListAsync()).Select(m => $"M {m.Id} {m.SectionId} {m.TechnologyId} {m.Line}:{m.Column} {m.MatchedText}"));
        rows.AddRange((await db.Talks.AsNoTracking().ToListAsync()).Select(t => $"K {t.Id} {t.Slug} {t.Title}"));
        rows.AddRange((await db.Sections.AsNoTracking().ToListAsync()).Select(s => $"S {s.Id} {s.Slug} {s.StartLine}-{s.EndLine} {s.TalkId}"));
        rows.AddRange((await db.Categories.AsNoTracking().ToListAsync()).Select(c => $"C {c.Id} {c.Slug} {c.ParentId}"));
        rows.AddRange((await db.SeedStates.AsNoTracking().ToListAsync()).Select(s => $"H {s.SeedHash}"));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    [Fact]
    public async Task An_import_waits_for_the_lock_longer_than_a_command_may_take()
    {
        // Another instance's import holds the lock for longer than this one's commands may take (2 s here).
        var database = new NpgsqlConnectionStringBuilder(await TestPostgres.CreateDatabaseAsync()) { CommandTimeout = 2 }.ConnectionString;
        await using var other = new NpgsqlConnection(database);
        await other.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({CatalogLock.Key})", other))
            await take.ExecuteNonQueryAsync();

        var import = Importer(database).ImportAsync(Seeds.Repository);
        // PostgreSQL's own clock says how long the import has waited for the lock.
        await using var waited = new NpgsqlCommand("""
            SELECT coalesce(max(extract(epoch FROM clock_timestamp() - a.query_start)), 0)::float8
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND NOT l.granted AND a.datname = current_database()
            """, other);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((double)(await waited.ExecuteScalarAsync())! < 3 && !import.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, "The import never waited for the lock.");
            await Task.Delay(100);
        }
        Assert.False(import.IsCompleted, $"The import did not wait for the lock: {import.Exception?.InnerException?.Message}");
        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({CatalogLock.Key})", other))
            await release.ExecuteNonQueryAsync();

        Assert.True((await import).Changed);
    }

    [Fact]
    public async Task Importing_twice_changes_nothing_the_second_time()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        var first = await Importer(database).ImportAsync(Seeds.Repository);
        var before = await SnapshotAsync(database);

        var second = await Importer(database).ImportAsync(Seeds.Repository);

        Assert.True(first.Changed);
        Assert.False(second.Changed);
        Assert.Equal(before, await SnapshotAsync(database));
    }

    [Fact]
    public async Task A_changed_seed_updates_adds_and_removes_exactly_what_changed()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        using var seed = Seeds.Copy();
        await Importer(database).ImportAsync(seed.Root);
        int arpId, kubernetesAliases;
        await using (var db = TestPostgres.Context(database))
        {
            arpId = await db.Technologies.Where(t => t.Slug == "arp").Select(t => t.Id).SingleAsync();
            kubernetesAliases = await db.TechnologyAliases.CountAsync(a => a.Technology!.Slug == "kubernetes");
        }

        // One alias more, one technology less (with its mentions and relations), one definition reworded.
        seed.Replace("catalog/technologies-kubernetes.yaml", "      - { text: Kubernets, kind: notes-spelling }",
            "      - { text: Kubernets, kind: notes-spelling }\n      - { text: Kubernetes Engine Of Tests, kind: other }");
        RemoveTechnology(seed, "catalog/technologies-delivery.yaml", "sre");
        var network = seed.Read("catalog/technologies-network.yaml");
        var enStart = network.IndexOf("      en: ", network.IndexOf("  - slug: arp\n", StringComparison.Ordinal), StringComparison.Ordinal);
        var enEnd = network.IndexOf('\n', enStart);
        seed.Write("catalog/technologies-network.yaml", network[..enStart] + "      en: A reworded definition for the test." + network[enEnd..]);

        var result = await Importer(database).ImportAsync(seed.Root);

        Assert.Equal(new ChangeCount(1, 0, 0), result.Changes["TechnologyAlias"] with { Removed = 0 });
        Assert.Equal(new ChangeCount(0, 0, 1), result.Changes["Technology"]);
        Assert.Equal(new ChangeCount(0, 1, 0), result.Changes["TechnologyDefinition"] with { Removed = 0 });
        Assert.Equal(1, result.Changes["Mention"].Removed);
        Assert.False(result.Changes.ContainsKey("Talk"));
        await using (var db = TestPostgres.Context(database))
        {
            Assert.False(await db.Technologies.AnyAsync(t => t.Slug == "sre"));
            Assert.Equal(arpId, await db.Technologies.Where(t => t.Slug == "arp").Select(t => t.Id).SingleAsync());
            Assert.Equal(kubernetesAliases + 1, await db.TechnologyAliases.CountAsync(a => a.Technology!.Slug == "kubernetes"));
            Assert.Equal("A reworded definition for the test.", await db.TechnologyDefinitions
                .Where(d => d.TechnologyId == arpId && d.Lang == Catalog.Model.Technologies.Lang.En).Select(d => d.Short).SingleAsync());
        }
    }

    /// <summary>Cuts one technology's entry (and any relation pointing at it) out of a catalog file.</summary>
    private static void RemoveTechnology(ScratchSeed seed, string file, string slug)
    {
        var lines = seed.Read(file).Split('\n').ToList();
        var start = lines.FindIndex(l => l == $"  - slug: {slug}");
        var end = lines.FindIndex(start + 1, l => l.StartsWith("  - slug: ", StringComparison.Ordinal));
        lines.RemoveRange(start, (end < 0 ? lines.Count : end) - start);
        seed.Write(file, string.Join('\n', lines));
        foreach (var other in Directory.EnumerateFiles(seed.PathOf("catalog"), "*.yaml"))
        {
            var kept = File.ReadAllLines(other).Where(l => !l.Contains($"target: {slug} ", StringComparison.Ordinal) && !l.Contains($"target: {slug},", StringComparison.Ordinal));
            File.WriteAllLines(other, kept);
        }
    }
}

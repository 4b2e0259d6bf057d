using Catalog.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Import;

/// <summary>Checks the seed and writes it to the database in one transaction, or not at all.</summary>
public sealed class CatalogImporter(IDbContextFactory<CatalogDbContext> contexts, ILogger<CatalogImporter> logger)
{
    /// <summary>Reads and checks the seed without touching the database.</summary>
    public static ImportResult Check(string seedRoot)
    {
        var plan = SeedLoader.Load(seedRoot);
        return new ImportResult(false, plan.SeedHash, Counts(plan), new Dictionary<string, ChangeCount>());
    }

    /// <summary>
    /// Imports the seed. With <paramref name="onlyIfChanged"/>, a database that already holds this seed (same
    /// content hash) is left alone, which keeps start-up fast.
    /// </summary>
    public async Task<ImportResult> ImportAsync(string seedRoot, bool onlyIfChanged = false, CancellationToken ct = default)
    {
        var plan = SeedLoader.Load(seedRoot);
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({CatalogWriter.LockKey})", ct);

        if (onlyIfChanged && await db.SeedStates.AnyAsync(s => s.SeedHash == plan.SeedHash, ct))
        {
            logger.LogInformation("The database already holds seed {SeedHash}", plan.SeedHash[..12]);
            return new ImportResult(true, plan.SeedHash, Counts(plan), new Dictionary<string, ChangeCount>());
        }

        var changes = await new CatalogWriter(db).WriteAsync(plan, ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Imported seed {SeedHash}: {Changes} rows changed", plan.SeedHash[..12], changes.Values.Sum(c => c.Total));
        return new ImportResult(true, plan.SeedHash, Counts(plan), changes);
    }

    private static Dictionary<string, int> Counts(ImportPlan plan) => new()
    {
        ["talks"] = plan.Catalog.Talks.Count,
        ["sections"] = plan.Documents.Sum(d => d.Sections.Count),
        ["technologies"] = plan.Catalog.Technologies.Count,
        ["aliases"] = plan.Catalog.Technologies.Sum(t => t.Aliases.Count),
        ["mentions"] = plan.Mentions.Count,
        ["relations"] = plan.Catalog.Technologies.Sum(t => t.Relations.Count),
        ["categories"] = plan.Catalog.Categories.Count,
        ["organizations"] = plan.Catalog.Organizations.Count,
        ["people"] = plan.Catalog.People.Count,
        ["documents"] = plan.Documents.Count,
    };
}

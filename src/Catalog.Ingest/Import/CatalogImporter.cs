using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Catalog.Ingest.Import;

/// <summary>
/// Checks the effective seed (the seed folder's files and the files imported through the API) and writes it to
/// the database in one transaction, or not at all.
/// </summary>
public sealed class CatalogImporter(IDbContextFactory<CatalogDbContext> contexts, ILogger<CatalogImporter> logger)
{
    /// <summary>Reads and checks the seed folder alone, without touching the database.</summary>
    public static ImportResult Check(string seedRoot)
    {
        var plan = SeedLoader.Load(seedRoot);
        return new ImportResult(false, plan.SeedHash, Counts(plan), new Dictionary<string, ChangeCount>()) { Landscape = plan.Landscape, Ambiguous = Ambiguous(plan) };
    }

    /// <summary>
    /// Imports the seed folder together with the files imported through the API, so those survive restarts and
    /// seed changes. With <paramref name="onlyIfChanged"/>, a database that already holds this effective seed
    /// (same content hash) is left alone, which keeps start-up fast.
    /// </summary>
    public async Task<ImportResult> ImportAsync(string seedRoot, bool onlyIfChanged = false, CancellationToken ct = default)
    {
        var folder = SeedLoader.ReadFolder(seedRoot);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await BeginLockedAsync(db, ct);
        var imported = await db.ImportedFiles.AsNoTracking().OrderBy(f => f.Path).Select(f => new SeedFile(f.Path, f.Content, true)).ToListAsync(ct);
        var folderPaths = folder.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var shadowed in imported.Where(f => folderPaths.Contains(f.Path)))
            logger.LogWarning("The imported file {Path} is ignored: the seed folder has a file of that path now", shadowed.Path);
        // The hash is of the files alone: a database that holds it is left alone without reading them (the landscape
        // alone is a megabyte of YAML).
        var hash = SeedLoader.Hash(SeedLoader.Merge(folder, imported));
        if (onlyIfChanged && await db.SeedStates.AnyAsync(s => s.SeedHash == hash, ct))
        {
            logger.LogInformation("The database already holds seed {SeedHash}", hash[..12]);
            return new ImportResult(true, hash, new Dictionary<string, int>(), new Dictionary<string, ChangeCount>());
        }
        var plan = SeedLoader.Load(seedRoot, folder, imported);

        var changes = await new CatalogWriter(db).WriteAsync(plan, ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Imported seed {SeedHash} ({Imported} imported files): {Changes} rows changed",
            plan.SeedHash[..12], imported.Count, changes.Values.Sum(c => c.Total));
        LogLandscape(plan);
        return new ImportResult(true, plan.SeedHash, Counts(plan), changes) { Landscape = plan.Landscape, Ambiguous = Ambiguous(plan) };
    }

    /// <summary>
    /// Imports files sent through the API: under the import lock, overlays them on the stored imported files
    /// (a path imported before is replaced), imports the whole effective seed and stores the files, in one
    /// transaction. Throws <see cref="ImportRejectedException"/> or <see cref="SeedException"/> with nothing written.
    /// </summary>
    public Task<ImportedFilesResult> ImportFilesAsync(string seedRoot, IReadOnlyList<SeedFile> files, string importedBy, CancellationToken ct = default)
    {
        if (files.Count == 0) throw new ImportRejectedException(ImportRejection.Empty, null, "Give at least one file to import.");
        var folderPaths = SeedLoader.FolderPaths(seedRoot).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            CheckPath(file.Path);
            if (folderPaths.Contains(file.Path))
                throw new ImportRejectedException(ImportRejection.SeedFolderPath, file.Path,
                    $"'{file.Path}' is a file of the seed folder, which is managed in the repository; import the document under another path.");
            if (!seen.Add(file.Path)) throw new ImportRejectedException(ImportRejection.Duplicate, file.Path, $"'{file.Path}' is given twice.");
        }
        return RewriteAsync(seedRoot, files, [], importedBy, ct);
    }

    /// <summary>
    /// Removes files imported through the API and re-imports the effective seed without them, in one transaction,
    /// so their documents, talks and mentions go. An unknown path refuses the whole request.
    /// </summary>
    public Task<ImportedFilesResult> RemoveFilesAsync(string seedRoot, IReadOnlyList<string> paths, CancellationToken ct = default)
    {
        if (paths.Count == 0) throw new ImportRejectedException(ImportRejection.Empty, null, "Give at least one path to remove.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            CheckPath(path);
            if (!seen.Add(path)) throw new ImportRejectedException(ImportRejection.Duplicate, path, $"'{path}' is given twice.");
        }
        return RewriteAsync(seedRoot, [], paths, "", ct);
    }

    private static Dictionary<string, int> Ambiguous(ImportPlan plan) =>
        plan.Aliases.Values.SelectMany(forms => forms).Where(f => f.Ambiguity is not null)
            .GroupBy(f => f.Ambiguity!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static void CheckPath(string path)
    {
        if (ImportedPaths.Problem(path) is { } problem)
            throw new ImportRejectedException(ImportRejection.InvalidPath, path, $"The path '{path}' cannot be imported: {problem}");
    }

    private async Task<ImportedFilesResult> RewriteAsync(
        string seedRoot, IReadOnlyList<SeedFile> upserts, IReadOnlyList<string> removals, string importedBy, CancellationToken ct)
    {
        var folder = SeedLoader.ReadFolder(seedRoot);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await BeginLockedAsync(db, ct);

        var stored = (await db.ImportedFiles.ToListAsync(ct)).ToDictionary(f => f.Path, StringComparer.Ordinal);
        if (removals.FirstOrDefault(p => !stored.ContainsKey(p)) is { } unknown)
            throw new ImportRejectedException(ImportRejection.NotImported, unknown, $"No file was imported under '{unknown}'.");
        var effective = stored.Values.Where(f => !removals.Contains(f.Path, StringComparer.Ordinal)).Select(f => new SeedFile(f.Path, f.Content, true))
            .ExceptBy(upserts.Select(f => f.Path), f => f.Path, StringComparer.Ordinal)
            .Concat(upserts.Select(f => f with { Imported = true }))
            .ToList();
        // Paths as sent in errors: an API caller has no use for the server's folder.
        var plan = SeedLoader.Load(SeedLoader.Merge(folder, effective));

        var changes = new Dictionary<string, ChangeCount>(await new CatalogWriter(db).WriteAsync(plan, ct));
        var (added, updated) = (0, 0);
        var now = DateTimeOffset.UtcNow;
        foreach (var file in upserts)
        {
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(file.Text)));
            if (!stored.TryGetValue(file.Path, out var row))
            {
                db.ImportedFiles.Add(new ImportedFile { Path = file.Path, Content = file.Text, Sha256 = sha256, ImportedAt = now, ImportedBy = importedBy });
                added++;
            }
            else if (row.Sha256 != sha256 || row.Content != file.Text)
            {
                (row.Content, row.Sha256, row.ImportedAt, row.ImportedBy) = (file.Text, sha256, now, importedBy);
                updated++;
            }
        }
        db.ImportedFiles.RemoveRange(removals.Select(p => stored[p]));
        if (added + updated + removals.Count > 0) changes[nameof(ImportedFile)] = new ChangeCount(added, updated, removals.Count);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        var paths = upserts.Select(f => f.Path).Concat(removals).ToHashSet(StringComparer.Ordinal);
        var documents = plan.Documents.Where(d => paths.Contains(d.Seed.File) || paths.Contains(d.Seed.At.File)).Select(d => d.Seed.Slug).ToList();
        var result = new ImportResult(true, plan.SeedHash, Counts(plan), changes) { Landscape = plan.Landscape, Ambiguous = Ambiguous(plan) };
        logger.LogInformation("Imported seed {SeedHash} after {Action} {Paths}: {Changes} rows changed",
            plan.SeedHash[..12], upserts.Count > 0 ? "importing" : "removing", string.Join(", ", paths), changes.Values.Sum(c => c.Total));
        return new ImportedFilesResult(result, [.. paths], documents);
    }

    /// <summary>What the landscape added and merged and, item by item, what it left out and why.</summary>
    private void LogLandscape(ImportPlan plan)
    {
        if (plan.Landscape is not { } report) return;
        logger.LogInformation("{Landscape}", string.Join(Environment.NewLine, report.Lines()));
    }

    /// <summary>A transaction holding the import lock, so imports, API imports and migrations run one at a time.</summary>
    private static async Task<IDbContextTransaction> BeginLockedAsync(CatalogDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var timeout = db.Database.GetCommandTimeout();
            db.Database.SetCommandTimeout(CatalogWriter.LockWait);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({CatalogWriter.LockKey})", ct);
            db.Database.SetCommandTimeout(timeout);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
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

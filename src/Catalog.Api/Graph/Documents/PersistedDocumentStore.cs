using System.Security.Cryptography;
using System.Text;
using Catalog.Api.Data;
using Catalog.Api.Graph.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace Catalog.Api.Graph.Documents;

/// <summary>
/// GraphQL documents by the sha256 of their text. Every document that runs is kept in PostgreSQL, so a client may send
/// its hash alone to any instance afterwards; each instance keeps the texts it met in memory (the least recently used
/// go first), so a known hash costs no query. The table is pruned to the newest <see cref="StoredLimit"/> documents.
/// </summary>
public sealed partial class PersistedDocumentStore(IDbContextFactory<CatalogDbContext> contexts, TimeProvider time, ILogger<PersistedDocumentStore> logger) : IDisposable
{
    // Written on the primary even where reads go to standbys (a multi-host connection string): a standby refuses writes.
    private readonly Lazy<string> _primary = new(() =>
    {
        using var db = contexts.CreateDbContext();
        var builder = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        if (builder.Host?.Contains(',', StringComparison.Ordinal) == true) builder.TargetSessionAttributes = "primary";
        return builder.ConnectionString;
    });

    /// <summary>The total length of the texts an instance keeps in memory.</summary>
    public const long MemoryLimit = 4_000_000;

    /// <summary>The documents kept in PostgreSQL: every instance's, together.</summary>
    public const int StoredLimit = 10_000;

    /// <summary>An instance prunes the table once per this many documents it stores.</summary>
    private const int PruneEvery = 100;

    private readonly MemoryCache _known = new(new MemoryCacheOptions { SizeLimit = MemoryLimit });
    private int _stored;

    /// <summary>The lower-case hex sha256 of the UTF-8 text: the payload of a <c>sha256:</c> document id and APQ's <c>sha256Hash</c>.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A document that clients of this build send by hash alone from their first request (the glossary widget's): never evicted.</summary>
    public void Pin(string text) =>
        _known.Set(Sha256(text), text, new MemoryCacheEntryOptions { Size = text.Length, Priority = CacheItemPriority.NeverRemove });

    /// <summary>
    /// The text of a hash, or null when no instance has run it. A database that does not answer makes a hash unknown
    /// rather than failing the request: a client of automatic persisted queries then sends the text, which needs no lookup.
    /// </summary>
    public async ValueTask<string?> FindAsync(string hash, CancellationToken ct)
    {
        if (_known.TryGetValue(hash, out string? text)) return text;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            text = await db.PersistedDocuments.AsNoTracking().Where(d => d.Hash == hash).Select(d => d.Text).FirstOrDefaultAsync(ct);
        }
        catch (Exception e) when (ErrorMasking.IsDatabaseFault(e))
        {
            LookupFailed(e.Message);
            return null;
        }
        if (text is not null) Remember(hash, text);
        return text;
    }

    /// <summary>Keeps a document that ran. A database that refuses the write (down, or a read-only standby) costs only that.</summary>
    public async Task AddAsync(string text, CancellationToken ct)
    {
        var hash = Sha256(text);
        if (_known.TryGetValue(hash, out _)) return;
        try
        {
            await using var connection = new NpgsqlConnection(_primary.Value);
            await connection.OpenAsync(ct);
            await using (var insert = new NpgsqlCommand(
                "INSERT INTO persisted_documents (hash, text, created_at) VALUES ($1, $2, $3) ON CONFLICT (hash) DO NOTHING", connection)
            {
                Parameters = { new() { Value = hash }, new() { Value = text }, new() { Value = time.GetUtcNow() } },
            })
                await insert.ExecuteNonQueryAsync(ct);
            if (Interlocked.Increment(ref _stored) % PruneEvery == 0)
            {
                await using var prune = new NpgsqlCommand(
                    "DELETE FROM persisted_documents WHERE created_at < (SELECT created_at FROM persisted_documents ORDER BY created_at DESC OFFSET $1 LIMIT 1)", connection)
                {
                    Parameters = { new() { Value = StoredLimit } },
                };
                await prune.ExecuteNonQueryAsync(ct);
            }
        }
        catch (Exception e) when (ErrorMasking.IsDatabaseFault(e) || e is PostgresException)
        {
            StoreFailed(e.Message);
        }
        Remember(hash, text);
    }

    private void Remember(string hash, string text) => _known.Set(hash, text, new MemoryCacheEntryOptions { Size = text.Length });

    public void Dispose() => _known.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look up a persisted document ({Reason}); the hash is answered as unknown")]
    private partial void LookupFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store a persisted document ({Reason}); only this instance knows it")]
    private partial void StoreFailed(string reason);
}

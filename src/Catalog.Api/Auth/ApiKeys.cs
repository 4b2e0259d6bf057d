using System.Security.Cryptography;
using System.Text;
using Catalog.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Auth;

/// <summary>Creates API keys (random 32 bytes, kept as their SHA-256) and finds the name of a key.</summary>
public sealed class ApiKeys(IDbContextFactory<CatalogDbContext> contexts, TimeProvider time)
{
    public const string Header = "X-Api-Key";
    private const string Prefix = "cat_";
    private const int MaxLength = 200;

    /// <summary>Creates a key named <paramref name="name"/> and returns its text: the only time it is known.</summary>
    public async Task<string> CreateAsync(string name, CancellationToken ct = default)
    {
        var key = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ApiKeys.Add(new ApiKey { Name = name, Hash = Hash(key), CreatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return key;
    }

    /// <summary>The key a request carries (<c>X-Api-Key</c>, else <c>Authorization: Bearer</c>), or null.</summary>
    public static string? KeyOf(HttpRequest request)
    {
        var key = request.Headers[Header].ToString();
        var authorization = request.Headers.Authorization.ToString();
        if (key.Length == 0 && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) key = authorization["Bearer ".Length..].Trim();
        return key.Length == 0 ? null : key;
    }

    /// <summary>The name of the key, or null when no key has this text.</summary>
    public async Task<string?> FindNameAsync(string key, CancellationToken ct = default)
    {
        if (key.Length > MaxLength) return null;
        var hash = Hash(key);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ApiKeys.AsNoTracking().Where(k => k.Hash == hash).Select(k => k.Name).FirstOrDefaultAsync(ct);
    }

    /// <summary>Every key's name and creation time (never the key, which is not kept), oldest first.</summary>
    public async Task<IReadOnlyList<(string Name, DateTimeOffset CreatedAt)>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ThenBy(k => k.Id).Select(k => new { k.Name, k.CreatedAt }).ToListAsync(ct);
        return [.. keys.Select(k => (k.Name, k.CreatedAt))];
    }

    /// <summary>Deletes every key named <paramref name="name"/> and returns how many there were. Each request looks its key up, so the next one is refused.</summary>
    public async Task<int> RevokeAsync(string name, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ApiKeys.Where(k => k.Name == name).ExecuteDeleteAsync(ct);
    }

    internal static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

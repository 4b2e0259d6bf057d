using System.Security.Cryptography;
using System.Text;
using Catalog.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Auth;

/// <summary>Creates API keys (random 32 bytes, kept as their SHA-256) and tells whether a request carries a valid one.</summary>
public sealed class ApiKeys(IDbContextFactory<CatalogDbContext> contexts)
{
    public const string Header = "X-Api-Key";
    private const string Prefix = "cat_";

    /// <summary>Creates a key named <paramref name="name"/> and returns its text: the only time it is known.</summary>
    public async Task<string> CreateAsync(string name, CancellationToken ct = default)
    {
        var key = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ApiKeys.Add(new ApiKey { Name = name, Hash = Hash(key), CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(ct);
        return key;
    }

    /// <summary>The name of the key the request carries (<c>Authorization: Bearer</c> or <c>X-Api-Key</c>), or null.</summary>
    public async Task<string?> AuthenticateAsync(HttpRequest request, CancellationToken ct = default)
    {
        var key = request.Headers[Header].ToString();
        var authorization = request.Headers.Authorization.ToString();
        if (key.Length == 0 && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) key = authorization["Bearer ".Length..].Trim();
        if (key.Length is 0 or > 200) return null;
        var hash = Hash(key);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ApiKeys.AsNoTracking().Where(k => k.Hash == hash).Select(k => k.Name).FirstOrDefaultAsync(ct);
    }

    internal static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

namespace Catalog.Model.Auth;

/// <summary>A key that may change the catalog. Only its SHA-256 hash is kept; the key itself is shown once.</summary>
public sealed class ApiKey
{
    public int Id { get; init; }
    public required string Name { get; init; }

    /// <summary>Lower-case hex SHA-256 of the key's text.</summary>
    public required string Hash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

namespace Catalog.Model.Documents;

/// <summary>A GraphQL document that ran on some instance, kept under its sha256 so that every instance can run it by hash.</summary>
public sealed class PersistedDocument
{
    /// <summary>Lower-case hex SHA-256 of the UTF-8 text.</summary>
    public required string Hash { get; init; }

    public required string Text { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

namespace Catalog.Ingest.Import;

/// <summary>A problem in the seed, at a file (relative to the seed folder) and a 1-based line.</summary>
public sealed record SeedError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>The seed cannot be imported; nothing was written.</summary>
public sealed class SeedException(IReadOnlyList<SeedError> errors)
    : Exception($"The seed has {errors.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
{
    public IReadOnlyList<SeedError> Errors { get; } = errors;
}

namespace Catalog.Ingest.Import;

/// <summary>What an import found in the seed and what it changed in the database.</summary>
public sealed record ImportResult(
    bool Written,
    string SeedHash,
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyDictionary<string, ChangeCount> Changes)
{
    /// <summary>What the CNCF landscape added, merged and left out; null without a landscape file.</summary>
    public Landscape.LandscapeReport? Landscape { get; init; }

    /// <summary>How many linkable names are ambiguous in text, by why (an English word, a given name ...).</summary>
    public IReadOnlyDictionary<string, int> Ambiguous { get; init; } = new Dictionary<string, int>();

    public bool Changed => Changes.Values.Any(c => c.Total > 0);

    /// <summary>The one-screen summary the import command prints.</summary>
    public string Summary()
    {
        var lines = new List<string>
        {
            Written ? (Changed ? "Imported the seed." : "The database already held this seed; nothing changed.") : "The seed is valid (checked, nothing written).",
            $"  seed {SeedHash[..12]}",
        };
        lines.AddRange(Counts.Select(c => $"  {c.Key,-22} {c.Value,6}"));
        if (Landscape is not null) lines.AddRange(Landscape.Lines().Select(l => "  " + l));
        if (Ambiguous.Count > 0)
            lines.Add($"  linking: {Ambiguous.Values.Sum()} names link only where their context is about them: " +
                string.Join(", ", Ambiguous.OrderByDescending(p => p.Value).Select(p => $"{p.Value} {p.Key}")));
        if (Written && Changed)
        {
            lines.Add("  changes                 added updated removed");
            lines.AddRange(Changes.Where(c => c.Value.Total > 0).Select(c => $"  {c.Key,-22} {c.Value.Added,6} {c.Value.Updated,7} {c.Value.Removed,7}"));
        }
        return string.Join(Environment.NewLine, lines);
    }
}

public sealed record ChangeCount(int Added, int Updated, int Removed)
{
    public int Total => Added + Updated + Removed;
}

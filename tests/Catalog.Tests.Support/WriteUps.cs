namespace Catalog.Tests.Infrastructure;

/// <summary>The write-up made for the tests (<c>WriteUps/container-meetup-example.md</c>), shaped like real posts.</summary>
internal static class WriteUps
{
    /// <summary>The write-up made for these tests, shaped like real posts.</summary>
    internal static string WriteUp { get; } = File.ReadAllText(Path.Combine(Path.GetDirectoryName(Seeds.Repository)!,
        "tests", "Catalog.Tests.Support", "WriteUps", "container-meetup-example.md"));

    /// <summary>The draft with the event's facts filled in, which is all a user must do.</summary>
    internal static string FillInEvent(string yaml) => yaml
        .Replace("    name:                # FILL IN", "    name: Container Meetup Example  # FILL IN", StringComparison.Ordinal)
        .Replace("    date:                # FILL IN", "    date: 2026-11-20  # FILL IN", StringComparison.Ordinal);

    /// <summary>The write-up repeated to 500 lines, each copy's title a part of its own: talk headings repeat, as in long posts.</summary>
    internal static string LongWriteUp()
    {
        var lines = WriteUp.Split('\n');
        var big = new List<string> { "# Container Meetup Example, all parts", "" };
        for (var copy = 1; big.Count < 500; copy++)
            big.AddRange(lines.Skip(2).Select(line => line.StartsWith("# ", StringComparison.Ordinal) ? $"## Part {copy}" : line));
        return string.Join('\n', big.Take(500)) + "\n";
    }
}

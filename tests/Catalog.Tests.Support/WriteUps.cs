namespace Catalog.Tests.Infrastructure;

/// <summary>The write-ups made for the tests (<c>WriteUps/*.md</c>), shaped like real posts.</summary>
internal static class WriteUps
{
    private static string Folder { get; } = Path.Combine(Path.GetDirectoryName(Seeds.Repository)!, "tests", "Catalog.Tests.Support", "WriteUps");

    /// <summary>The write-up made for these tests, shaped like real posts.</summary>
    internal static string WriteUp { get; } = File.ReadAllText(Path.Combine(Folder, "container-meetup-example.md"));

    /// <summary>
    /// A conference's write-up of ten talks, each under a heading with its time slot (some with a track) and its speaker's
    /// link beneath in the shapes posts use, technologies in list items, longer names around known terms and a misspelt
    /// product name of three words.
    /// </summary>
    internal static string ExampleDay { get; } = File.ReadAllText(Path.Combine(Folder, "cloud-native-example-day.md"));

    /// <summary>A careful reader's talk-technology pairs for <see cref="ExampleDay"/>: title → technology slugs.</summary>
    internal static IReadOnlyDictionary<string, IReadOnlySet<string>> ExampleDayPairs { get; } =
        File.ReadAllLines(Path.Combine(Folder, "cloud-native-example-day.key.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .ToDictionary(p => p[0], p => (IReadOnlySet<string>)p[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal));

    /// <summary>The draft with the event's facts filled in, which is all a user must do.</summary>
    internal static string FillInEvent(string yaml) => FillInEvent(yaml, "Container Meetup Example", "2026-11-20");

    /// <summary>The draft with the event's name and first day filled in.</summary>
    internal static string FillInEvent(string yaml, string name, string date) => yaml
        .Replace("    name:                # FILL IN", $"    name: {name}  # FILL IN", StringComparison.Ordinal)
        .Replace("    date:                # FILL IN", $"    date: {date}  # FILL IN", StringComparison.Ordinal);

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

using System.Text.Json;

namespace Catalog.Tests.Deploy;

/// <summary>deploy/Dockerfile read into its stages, enough to check it against the service and to repeat its steps.</summary>
internal sealed class DockerfileModel
{
    private DockerfileModel(IReadOnlyList<DockerStage> stages) => Stages = stages;

    public IReadOnlyList<DockerStage> Stages { get; }

    /// <summary>The image that runs: the last stage.</summary>
    public DockerStage Runtime => Stages[^1];

    public DockerStage Stage(string name) => Stages.Single(s => s.Name == name);

    /// <summary>The build stage's <c>dotnet publish</c> line.</summary>
    public static string PublishCommand(DockerfileModel dockerfile) =>
        Assert.Single(dockerfile.Stage("build").All("RUN"), r => r.StartsWith("dotnet publish ", StringComparison.Ordinal));

    public static DockerfileModel Load(string path)
    {
        var stages = new List<DockerStage>();
        var logical = "";
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (logical.Length == 0 && (line.Length == 0 || line.StartsWith('#'))) continue;
            if (line.EndsWith('\\'))
            {
                logical += line[..^1] + " ";
                continue;
            }
            logical += line;
            var space = logical.IndexOf(' ', StringComparison.Ordinal);
            var keyword = logical[..space].ToUpperInvariant();
            var arguments = logical[(space + 1)..].Trim();
            logical = "";
            if (keyword == "FROM")
            {
                var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                stages.Add(new DockerStage(parts[0], parts.Length == 3 ? parts[2] : null));
            }
            else if (stages.Count > 0)
            {
                stages[^1].Instructions.Add((keyword, arguments));
            }
        }
        return new DockerfileModel(stages);
    }
}

internal sealed class DockerStage(string from, string? name)
{
    public string From { get; } = from;
    public string? Name { get; } = name;
    public List<(string Keyword, string Arguments)> Instructions { get; } = [];

    public IEnumerable<string> All(string keyword) => Instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments);

    public string? Last(string keyword) => All(keyword).LastOrDefault();

    /// <summary>ENV KEY=VALUE pairs (values without spaces, as this Dockerfile writes them).</summary>
    public IReadOnlyDictionary<string, string> Environment => All("ENV")
        .SelectMany(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(pair => pair.Split('=', 2))
        .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    /// <summary>An exec-form (JSON array) instruction's arguments, after any options such as HEALTHCHECK's.</summary>
    public static string[] ExecForm(string arguments)
    {
        var json = arguments[arguments.IndexOf('[', StringComparison.Ordinal)..];
        return JsonSerializer.Deserialize<string[]>(json)!;
    }
}

using Catalog.Ingest.Import;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;
using Catalog.Tests.Infrastructure;

namespace Catalog.Tests.Import.Landscape;

/// <summary>A broken landscape file fails the import with its file and line, like every seed file, and nothing else.</summary>
public sealed class BrokenLandscapeTests
{
    /// <summary>The fixture's landscape with one line replaced, and the line number it is on.</summary>
    private static (string Text, int Line) Break(string line, string replacement)
    {
        var lines = LandscapeFixture.Landscape.Split('\n');
        var index = Array.FindIndex(lines, l => l.Trim() == line);
        Assert.True(index >= 0, $"The fixture has no line '{line}'.");
        Assert.Equal(index, Array.FindLastIndex(lines, l => l.Trim() == line));
        lines[index] = lines[index][..(lines[index].Length - lines[index].TrimStart().Length)] + replacement;
        return (string.Join('\n', lines), index + 1);
    }

    private static SeedError SingleError(string landscape)
    {
        var exception = Assert.Throws<SeedException>(() => LandscapeFixture.Plan(landscape));
        return Assert.Single(exception.Errors);
    }

    [Theory]
    [InlineData("project: sandbox", "project: sandboxed", "'project' is 'sandboxed'; expected one of: graduated, incubating, sandbox, archived")]
    [InlineData("accepted: '2023-12-19'", "accepted: '2023-19-12'", "'accepted' must be a date as YYYY-MM-DD")]
    [InlineData("joined: '2016-03-10'", "joined: last spring", "'joined' must be a date")]
    [InlineData("homepage_url: https://kuasar.io/", "homepage_url: kuasar.io", "'homepage_url' must be an absolute http(s) URL")]
    [InlineData("name: Compass", "name: [Compass", "Not valid YAML")]
    public void A_bad_value_is_reported_at_its_line(string line, string replacement, string message)
    {
        var (text, at) = Break(line, replacement);
        var error = SingleError(text);
        Assert.Equal(LandscapeFixture.LandscapePath, error.File);
        Assert.InRange(error.Line, at, at + 1);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{LandscapeFixture.LandscapePath}:{error.Line}: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_path_to_nowhere_is_left_out_and_reported_at_its_item()
    {
        // The published file has a few ("Serverless / Installable Platforms"): it must still import.
        var (text, _) = Break("- Wasm / Runtimes", "- Wasm / Nowhere");
        var plan = LandscapeFixture.Plan(text);
        var itemLine = Array.FindIndex(text.Split('\n'), l => l.Trim() == "name: Kuasar"); // "- item:" is the line before
        var unknown = Assert.Single(plan.Landscape!.UnknownPaths);
        Assert.Equal((LandscapeFixture.LandscapePath, itemLine, "Kuasar: Wasm / Nowhere"), (unknown.File, unknown.Line, unknown.Message));
        Assert.Equal(["container-runtime"], plan.Catalog.Technologies.Single(t => t.Slug == "kuasar").Categories);
        Assert.Contains(plan.Landscape.Lines(), l => l.Contains("Kuasar: Wasm / Nowhere", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_that_is_not_a_landscape_says_what_one_is()
    {
        var error = SingleError("- just\n- a list\n");
        Assert.Equal((LandscapeFixture.LandscapePath, 1), (error.File, error.Line));
        Assert.Contains("'landscape'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_check_reports_the_seed_folder_file_and_line()
    {
        using var seed = Seeds.Copy();
        var line = seed.LineOf("landscape/landscape.yml", "project: ");
        var text = seed.Read("landscape/landscape.yml").Split('\n');
        text[line - 1] = text[line - 1].Replace("project: ", "project: no-such-level-", StringComparison.Ordinal);
        seed.Write("landscape/landscape.yml", string.Join('\n', text));

        var exception = Assert.Throws<SeedException>(() => CatalogImporter.Check(seed.Root));
        var error = Assert.Single(exception.Errors);
        Assert.EndsWith("landscape/landscape.yml", error.File.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
    }
}

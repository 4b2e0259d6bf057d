using System.Diagnostics;
using System.Globalization;
using System.Text;
using Catalog.Api;
using Catalog.Api.Auth;
using Catalog.Api.Import;
using Catalog.Tests.Hardening;
using Catalog.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Catalog.Tests.Import;

/// <summary>The service taking request bodies of 3 MB, so that write-ups at and past the notes' limits reach the importer.</summary>
public sealed class LargeBodyFixture : CatalogApiFixture
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("Catalog:Limits:MaxBodyBytes", "3000000")];
}

/// <summary>
/// A write-up at each stated limit (headings, mentions) imports; one past it is refused with one clear error; an
/// answer lists at most a hundred errors; imports and removals at once never make reads wait.
/// </summary>
public sealed class ImportLimitTests(LargeBodyFixture api, ITestOutputHelper output) : IClassFixture<LargeBodyFixture>
{
    private const string ImportNotes = "mutation($input: ImportNotesInput!) { importNotes(input: $input) { paths documents { slug sections { slug } } } }";
    private const string RemoveImportedNotes = "mutation($input: RemoveImportedNotesInput!) { removeImportedNotes(input: $input) { paths } }";

    private async Task<(string, string)[]> KeyAsync() =>
        [(ApiKeys.Header, await api.Services.GetRequiredService<ApiKeys>().CreateAsync("import-limit-tests"))];

    private static string Id() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>Notes with <paramref name="headings"/> headings and <paramref name="mentions"/> mentions of Istio, and their catalog file.</summary>
    private static object[] WriteUp(string id, int headings, int mentions, bool declareHeadings = true)
    {
        var notes = new StringBuilder();
        notes.Append("Notes ").Append(id).Append('\n');
        // Undeclared headings as short as they come, so that a quarter of a million fit in a notes file.
        for (var i = 1; i <= headings; i++) notes.Append(declareHeadings ? string.Create(CultureInfo.InvariantCulture, $"## H{i}\n") : "# a\n");
        // Mentions as lines of a hundred, after the last heading.
        for (var left = mentions; left > 0; left -= 100) notes.Append(string.Join(' ', Enumerable.Repeat("Istio", Math.Min(100, left)))).Append('\n');
        var catalog = new StringBuilder($"documents:\n  - slug: limits-{id}\n    file: notes/limits-{id}.md\n    title: Limits {id}\n    language: en\n    sections:\n");
        if (declareHeadings)
        {
            for (var i = 1; i <= headings; i++) catalog.Append(CultureInfo.InvariantCulture, $"      - {{ slug: h{i}, heading: H{i}, kind: other }}\n");
        }
        return
        [
            new { path = $"notes/limits-{id}.md", content = notes.ToString() },
            new { path = $"catalog/limits-{id}.yaml", content = catalog.ToString() },
        ];
    }

    private async Task<Attack.Response> ImportAsync(object[] files) =>
        await Attack.PostAsync(api.Client, ImportNotes, new { input = new { files } }, await KeyAsync());

    [Fact]
    public async Task A_write_up_at_the_heading_limit_imports_and_one_heading_more_is_one_clear_error()
    {
        var at = await ImportAsync(WriteUp(Id(), SeedText.MaxHeadings, 10));
        var past = await ImportAsync(WriteUp(Id(), SeedText.MaxHeadings + 1, 10));

        Assert.True(at.Json!["errors"] is null, at.Json.ToJsonString()[..Math.Min(600, at.Json.ToJsonString().Length)]);
        Assert.Equal(SeedText.MaxHeadings + 1, at.Json["data"]!["importNotes"]!["documents"]![0]!["sections"]!.AsArray().Count);
        Assert.Equal(ErrorCodes.SeedInvalid, past.Code);
        Assert.Single(past.Json!["errors"]!.AsArray());
        Assert.Contains("1,001 headings; a notes file has at most 1,000", past.Message0, StringComparison.Ordinal);
        Assert.Equal(SeedText.MaxHeadings + 2, (int?)past.Json["errors"]![0]!["extensions"]!["line"]);
        output.WriteLine($"{SeedText.MaxHeadings} headings imported in {at.Elapsed.TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task A_write_up_at_the_mention_limit_imports_and_one_mention_more_is_one_clear_error()
    {
        var at = await ImportAsync(WriteUp(Id(), 1, SeedText.MaxMentions));
        var past = await ImportAsync(WriteUp(Id(), 1, SeedText.MaxMentions + 1));

        Assert.True(at.Json!["errors"] is null, at.Json.ToJsonString()[..Math.Min(600, at.Json.ToJsonString().Length)]);
        Assert.Equal(ErrorCodes.SeedInvalid, past.Code);
        Assert.Single(past.Json!["errors"]!.AsArray());
        Assert.Contains("10,001 mentions of known technologies; a notes file makes at most 10,000", past.Message0, StringComparison.Ordinal);
        output.WriteLine($"{SeedText.MaxMentions} mentions imported in {at.Elapsed.TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task A_quarter_million_headings_is_one_error_and_a_thousand_problems_are_a_hundred_errors()
    {
        var headings = await ImportAsync(WriteUp(Id(), 250_000, 0, declareHeadings: false));
        var problems = await ImportAsync(WriteUp(Id(), 1_000, 0, declareHeadings: false));

        Assert.Equal(ErrorCodes.SeedInvalid, headings.Code);
        Assert.Single(headings.Json!["errors"]!.AsArray());
        var errors = problems.Json!["errors"]!.AsArray();
        Assert.Equal(100, errors.Count);
        Assert.All(errors.Take(99), e => Assert.Equal(ErrorCodes.SeedInvalid, (string?)e!["extensions"]!["code"]));
        Assert.Equal(ErrorCodes.MoreErrors, (string?)errors[99]!["extensions"]!["code"]);
        Assert.Equal("901 more errors are left out of this answer, which lists the first 99; correct those and send it again to see the rest.", (string?)errors[99]!["message"]);
    }

    [Fact]
    public async Task Reads_do_not_wait_behind_forty_imports_and_removals_at_once()
    {
        var key = await KeyAsync();
        // The writes take their turns one after another (each imports the whole effective seed): the last may wait long.
        using var patient = api.CreateClient();
        patient.Timeout = TimeSpan.FromMinutes(10);
        var imported = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var id = Id();
            var response = await Attack.PostAsync(api.Client, ImportNotes, new { input = new { files = WriteUp(id, 3, 20) } }, key);
            Assert.True(response.Json!["errors"] is null, response.Json.ToJsonString());
            imported.Add(id);
        }
        await Attack.PostAsync(api.Client, Attack.NormalQuery);

        using var stop = new CancellationTokenSource();
        var latencies = new List<double>();
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var read = await Attack.PostAsync(api.Client, Attack.NormalQuery);
                Assert.True(read.Json!["errors"] is null, read.Json.ToJsonString());
                latencies.Add(read.Elapsed.TotalMilliseconds);
            }
        });
        var clock = Stopwatch.StartNew();
        var writes = imported.Select(id => Attack.PostAsync(patient, RemoveImportedNotes, new { input = new { paths = new[] { $"notes/limits-{id}.md", $"catalog/limits-{id}.yaml" } } }, key))
            .Concat(Enumerable.Range(0, 20).Select(_ => Attack.PostAsync(patient, ImportNotes, new { input = new { files = WriteUp(Id(), 3, 20) } }, key)))
            .ToList();
        var results = await Task.WhenAll(writes);
        var written = clock.Elapsed;
        await stop.CancelAsync();
        await reader;

        Assert.All(results, r => Assert.True(r.Json!["errors"] is null, r.Json.ToJsonString()));
        var sorted = latencies.Order().ToList();
        var p99 = sorted[(int)Math.Ceiling(sorted.Count * 0.99) - 1];
        output.WriteLine($"40 imports and removals in {written.TotalSeconds:0.0} s; {sorted.Count} reads meanwhile: p50 {sorted[sorted.Count / 2]:0.0} ms, p99 {p99:0.0} ms, max {sorted[^1]:0.0} ms");
        Assert.True(sorted.Count >= 100, $"only {sorted.Count} reads");
        Assert.True(p99 < 50, $"reads' p99 {p99:0.0} ms");
    }
}

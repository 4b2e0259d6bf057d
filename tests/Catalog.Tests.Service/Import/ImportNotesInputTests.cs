using System.Diagnostics;
using System.Text.Json.Nodes;
using Catalog.Api;
using Catalog.Api.Auth;
using Catalog.Api.Notes.Importing;
using Catalog.Ingest.Import;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;
using Catalog.Tests.Hardening;
using Catalog.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Catalog.Tests.Import;

/// <summary>The service with a request body limit large enough for a 10 MB file.</summary>
public sealed class LargeBodyApiFixture : CatalogApiFixture
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("Catalog:Limits:MaxBodyBytes", (16 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture))];
}

/// <summary>
/// What <c>importNotes</c> and <c>draftNotes</c> make of input of every kind: malformed files are <c>SEED_INVALID</c>
/// at their file and line, never an internal error; CRLF and a byte order mark are fine; a long write-up is fast.
/// </summary>
public sealed class ImportNotesInputTests(LargeBodyApiFixture api, ITestOutputHelper output) : IClassFixture<LargeBodyApiFixture>
{
    private const string ImportNotes = """
        mutation Import($input: ImportNotesInput!) {
          importNotes(input: $input) {
            changed changes { entity added updated removed }
            documents { slug sections { heading kind talk { slug title mentions { line technology { slug } } } } }
          }
        }
        """;

    private const string DraftNotes = """
        query Draft($path: String!, $content: String!) { draftNotes(path: $path, content: $content) { yaml notesPath catalogPath } }
        """;

    private async Task<(string, string)[]> KeyAsync() =>
        [(ApiKeys.Header, await api.Services.GetRequiredService<ApiKeys>().CreateAsync("import-notes-input"))];

    private Task<Attack.Response> ImportAsync(object[] files, (string, string)[] key) =>
        Attack.PostAsync(api.Client, ImportNotes, new { input = new { files } }, key);

    /// <summary>A draft against the catalog the database holds, whose slugs clash with nothing imported before.</summary>
    private async Task<(string NotesPath, string CatalogPath, string Yaml)> DraftAsync(string path, string content)
    {
        var draft = (await api.DataAsync(DraftNotes, new { path, content }))["draftNotes"]!;
        return ((string)draft["notesPath"]!, (string)draft["catalogPath"]!, (string)draft["yaml"]!);
    }

    private static JsonNode Payload(Attack.Response response, string field)
    {
        Assert.True(response.Json?["errors"] is null, response.Json?.ToJsonString());
        return response.Json!["data"]![field]!;
    }

    private static Dictionary<string, (int Added, int Updated, int Removed)> Changes(JsonNode payload) =>
        payload["changes"]!.AsArray().ToDictionary(c => (string)c!["entity"]!, c => ((int)c!["added"]!, (int)c["updated"]!, (int)c["removed"]!));

    [Fact]
    public async Task A_500_line_write_up_drafted_and_filled_in_is_imported_with_its_mentions()
    {
        var key = await KeyAsync();
        var notes = WriteUps.LongWriteUp();
        var draft = await DraftAsync("notes/long-write-up.md", notes);
        // An import of something else first, so that the time reported pays for no JIT.
        Payload(await ImportAsync([new { path = "notes/warm-up.md", content = "# Warm up\n" }], key), "importNotes");

        var clock = Stopwatch.StartNew();
        var payload = Payload(await ImportAsync([new { path = draft.NotesPath, content = notes }, new { path = draft.CatalogPath, content = WriteUps.FillInEvent(draft.Yaml) }], key), "importNotes");
        clock.Stop();

        output.WriteLine($"importNotes of a {notes.Split('\n').Length - 1}-line write-up: {clock.ElapsedMilliseconds} ms");
        Assert.True(Changes(payload)["Mention"].Added > 150);
    }

    [Fact]
    public async Task Draft_notes_refuses_a_path_that_is_not_notes_and_notes_the_importer_would_refuse()
    {
        var badPath = await api.QueryAsync(DraftNotes, new { path = "catalog/x.yaml", content = "# x\n" });
        Assert.Equal(ImportMutations.BadUserInput, (string?)badPath["errors"]![0]!["extensions"]!["code"]);

        // A NUL is refused before anything runs, at its line in the notes.
        var nul = await api.QueryAsync(DraftNotes, new { path = "notes/nul.md", content = "# Title\n\n- a\0b\n" });
        var error = nul["errors"]![0]!;
        Assert.Equal(ErrorCodes.InvalidText, (string?)error["extensions"]!["code"]);
        Assert.Contains("U+0000 at line 3, column 4", (string?)error["message"], StringComparison.Ordinal);
        Assert.Null(nul["data"]?["draftNotes"]);

        // What only the importer refuses (an overlong line) comes with the file and line.
        var overlong = await api.QueryAsync(DraftNotes, new { path = "notes/long.md", content = "# Title\n\n" + new string('x', SeedText.MaxLineLength + 1) + "\n" });
        var tooLong = overlong["errors"]![0]!;
        Assert.Equal(ErrorCodes.SeedInvalid, (string?)tooLong["extensions"]!["code"]);
        Assert.Equal(("notes/long.md", 3), ((string)tooLong["extensions"]!["file"]!, (int)tooLong["extensions"]!["line"]!));
        Assert.Null(overlong["data"]!["draftNotes"]);
    }

    public static TheoryData<string, string, string, int> MalformedFiles => new()
    {
        { "unclosed brace", "catalog/malformed.yaml", "people:\n  - { slug: someone, name: Someone\n", 3 },
        { "unclosed bracket", "catalog/malformed.yaml", "people: [\n  { slug: someone, name: Someone }\n", 3 },
        { "nesting", "catalog/malformed.yaml", "people: " + new string('[', 2000) + "\n", 1 },
        { "control character in a value", "catalog/malformed.yaml", "people:\n  - { slug: someone, name: \"Some\\u0007one\" }\n", 2 },
        { "ten megabytes", "notes/malformed.md", string.Concat(Enumerable.Repeat("- Kubernetes and Istio, line after line\n", (10 << 20) / 40)), 1 },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public async Task Malformed_files_are_seed_invalid_at_their_file_and_line(string what, string path, string content, int line)
    {
        var key = await KeyAsync();
        var response = await ImportAsync([new { path, content }], key);

        Assert.True(ImportMutations.SeedInvalid == response.Code, $"{what}: {response.Status} {response.Json?.ToJsonString()[..Math.Min(400, response.Json.ToJsonString().Length)]}");
        var error = response.Json!["errors"]![0]!;
        Assert.Equal((path, line), ((string)error["extensions"]!["file"]!, (int)error["extensions"]!["line"]!));
        Assert.StartsWith($"{path}:{line}: ", (string?)error["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_NUL_in_imported_notes_is_refused_at_its_line_and_nothing_is_imported()
    {
        var key = await KeyAsync();
        var response = await ImportAsync([new { path = "notes/nul.md", content = "# Title\n\nline\0\n" }], key);

        Assert.Equal(ErrorCodes.InvalidText, response.Code);
        Assert.Contains("U+0000 at line 3, column 5", (string?)response.Json!["errors"]![0]!["message"], StringComparison.Ordinal);
        var listed = await api.DataAsync("{ documents { path } }");
        Assert.DoesNotContain(listed["documents"]!.AsArray(), d => ((string?)d!["path"])?.EndsWith("nul.md", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_lone_surrogate_in_the_request_is_refused_without_an_internal_error()
    {
        var key = await KeyAsync();
        const string body = """{"query":"mutation($input: ImportNotesInput!) { importNotes(input: $input) { changed } }","variables":{"input":{"files":[{"path":"notes/lone.md","content":"# Lone \ud800 surrogate\n"}]}}}""";

        var response = await Attack.PostRawAsync(api.Client, body, "application/json", key);

        Assert.True((int)response.Status < 500, $"{response.Status}");
        Assert.NotEqual("INTERNAL_ERROR", response.Code);
        Assert.NotNull(response.Code);
    }

    [Fact]
    public async Task Files_with_crlf_line_ends_and_a_byte_order_mark_import_as_any_others()
    {
        var key = await KeyAsync();
        var id = Guid.NewGuid().ToString("N")[..8];
        var notes = $"\uFEFF# CRLF notes {id}\r\n\r\n## Istio on Windows {id}\r\n\r\n- Istioの話\r\n";
        var catalog = $"\uFEFFevents:\r\n  - {{ slug: crlf-{id}, name: CRLF {id} }}\r\ndocuments:\r\n  - slug: crlf-{id}-notes\r\n    file: notes/crlf-{id}.md\r\n" +
            $"    title: CRLF notes {id}\r\n    language: ja\r\n    event: crlf-{id}\r\n    sections:\r\n      - {{ slug: introduction, heading: CRLF notes {id}, kind: introduction }}\r\n" +
            $"talks:\r\n  - {{ slug: crlf-talk-{id}, document: crlf-{id}-notes, title: Istio on Windows {id} }}\r\n";

        var payload = Payload(await ImportAsync([new { path = $"notes/crlf-{id}.md", content = notes }, new { path = $"catalog/crlf-{id}.yaml", content = catalog }], key), "importNotes");

        var talk = payload["documents"]![0]!["sections"]!.AsArray().Single(s => s!["talk"] is JsonObject)!["talk"]!;
        Assert.Equal([(3, "istio"), (5, "istio")], talk["mentions"]!.AsArray().Select(m => ((int)m!["line"]!, (string)m["technology"]!["slug"]!)));
        Assert.Equal((1, 0, 0), Changes(payload)["Talk"]);
        Assert.Equal((2, 0, 0), Changes(payload)["Mention"]);
    }

    [Fact]
    public async Task Mutations_of_a_drafted_write_up_through_import_notes_are_imported_or_seed_invalid()
    {
        var key = await KeyAsync();
        var random = new Random(20261203);
        for (var i = 0; i < 4; i++)
        {
            var path = $"notes/fuzz-{i}.md";
            var draft = await DraftAsync(path, WriteUps.WriteUp);
            var yaml = WriteUps.FillInEvent(draft.Yaml);
            var (notes, catalog) = i % 2 == 0 ? (SeedMutations.Mutate(WriteUps.WriteUp, random), yaml) : (WriteUps.WriteUp, SeedMutations.Mutate(yaml, random));

            var response = await ImportAsync([new { path, content = notes }, new { path = draft.CatalogPath, content = catalog }], key);

            if (response.Json?["errors"] is JsonArray errors)
            {
                Assert.All(errors, e =>
                {
                    Assert.Equal(ImportMutations.SeedInvalid, (string?)e!["extensions"]!["code"]);
                    Assert.Contains((string)e["extensions"]!["file"]!, new[] { path, draft.CatalogPath });
                    Assert.True((int)e["extensions"]!["line"]! >= 1, e.ToJsonString());
                });
            }
            else Assert.NotNull(response.Json?["data"]?["importNotes"]);
        }
    }
}

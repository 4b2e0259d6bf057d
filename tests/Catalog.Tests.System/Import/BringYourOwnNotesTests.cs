using System.Diagnostics;
using System.Text.Json.Nodes;
using Catalog.Api.Auth;
using Catalog.Tests.Hardening;
using Catalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Catalog.Tests.Import;

/// <summary>
/// A write-up of one's own, from <c>notes draft</c> (the command) and <c>draftNotes</c> (the query) to <c>importNotes</c>
/// with only the event's facts filled in. The class has a database of its own, so that the query's vocabulary (the
/// database) is the command's (the seed folder).
/// </summary>
public sealed class BringYourOwnNotesTests(CatalogApiFixture api, ITestOutputHelper output) : IClassFixture<CatalogApiFixture>
{
    private const string ImportNotes = """
        mutation Import($input: ImportNotesInput!) {
          importNotes(input: $input) {
            changed changes { entity added updated removed }
            documents { slug sections { heading kind talk { slug title speakers { slug } organizations { slug } mentions { line technology { slug } } } } }
          }
        }
        """;

    private const string DraftNotes = """
        query Draft($path: String!, $content: String!) {
          draftNotes(path: $path, content: $content) { yaml notesPath catalogPath headings { line kind slug title occurrence } nearMisses { text technology lookUpOnly } candidates { text count } }
        }
        """;

    /// <summary>
    /// Every mention an import of the write-up records, checked by hand: (line, technology). The write-up also names
    /// technologies inside URLs of every form (lines 10, 18, 19, 35, 52, 61-64, 69, 72, 81), in a hyphen compound
    /// (docker-compose, line 47: no mention of Docker; the draft notes it is Docker Compose's look-up-only slug) and in misspellings
    /// (Promethus 26, Concource CI 46, AppEngine 59, swarm 60, Kuberntes 66): none of those is a mention.
    /// </summary>
    // Line 51 keeps its charts in git (「chartをgit管理」): Japanese prose writes Latin names in lower case as spelt.
    // The track heading "## Spinnaker" (line 41) is a section of one line, with nothing around the ordinary word
    // "spinnaker" (a sail) to link it by; "CI" of "Concource CI" is the rest of the product's name.
    private static readonly (int Line, string Technology)[] ExpectedMentions =
    [
        (9, "kubernetes"), (12, "service-mesh"), (14, "istio"), (16, "istio"), (17, "envoy"), (17, "sidecar-container"), (24, "linkerd"), (25, "prometheus"), (25, "sidecar-container"),
        (30, "service-mesh"), (32, "linkerd"), (32, "istio"), (34, "linkerd"), (34, "istio"), (35, "linkerd"), (39, "conduit"),
        (43, "spinnaker"), (45, "spinnaker"), (45, "kubernetes"), (45, "cluster"), (46, "spinnaker"),
        (49, "helm-chart"), (51, "git"), (51, "helm"), (56, "docker"), (58, "containerd"), (58, "cri-o"), (58, "runc"), (62, "kubernetes"),
        (66, "bare-metal"), (68, "bare-metal"), (68, "kubernetes"), (68, "calico"), (76, "istio"), (76, "kubernetes"), (77, "tekton"),
    ];

    private static readonly string[] BlogPaths =
    [
        "notes/building-images.md", "catalog/building-images.yaml", "notes/meetup-recap.md", "catalog/meetup-recap.yaml",
        "notes/moving-logs-to-fluentd.md", "catalog/moving-logs-to-fluentd.yaml",
    ];

    private static readonly string[] WriteUpPaths = ["notes/container-meetup-example.md", "catalog/container-meetup-example.yaml"];

    private async Task<(string, string)[]> KeyAsync() =>
        [(ApiKeys.Header, await api.Services.GetRequiredService<ApiKeys>().CreateAsync("bring-your-own-notes"))];

    private Task<Attack.Response> ImportAsync(object[] files, (string, string)[] key) =>
        Attack.PostAsync(api.Client, ImportNotes, new { input = new { files } }, key);

    private static JsonNode Payload(Attack.Response response, string field)
    {
        Assert.True(response.Json?["errors"] is null, response.Json?.ToJsonString());
        return response.Json!["data"]![field]!;
    }

    /// <summary>Every mention of a document, from the database: (line, technology, matched text), in line order.</summary>
    private async Task<List<(int Line, string Technology, string Text)>> MentionsAsync(string document)
    {
        await using var db = TestPostgres.Context(api.ConnectionString);
        var rows = await (
            from m in db.Mentions
            join s in db.Sections on m.SectionId equals s.Id
            join d in db.Documents on s.DocumentId equals d.Id
            join t in db.Technologies on m.TechnologyId equals t.Id
            where d.Slug == document
            select new { m.Line, t.Slug, m.MatchedText }).ToListAsync();
        return rows.Select(r => (r.Line, r.Slug, r.MatchedText)).OrderBy(r => r.Line).ThenBy(r => r.Slug, StringComparer.Ordinal).ToList();
    }

    private static Dictionary<string, (int Added, int Updated, int Removed)> Changes(JsonNode payload) =>
        payload["changes"]!.AsArray().ToDictionary(c => (string)c!["entity"]!, c => ((int)c!["added"]!, (int)c["updated"]!, (int)c["removed"]!));

    [Fact]
    public async Task A_write_up_goes_from_notes_draft_with_only_the_events_facts_filled_in_to_an_import_of_its_talks_and_mentions()
    {
        var key = await KeyAsync();
        var folder = Directory.CreateTempSubdirectory("catalog-draft-");
        try
        {
            var notesFile = Path.Combine(folder.FullName, "container-meetup-example.md");
            await File.WriteAllTextAsync(notesFile, WriteUps.WriteUp);
            var draftFile = Path.Combine(folder.FullName, "draft.yaml");

            // The command, as a user runs it: the vocabulary comes from the seed folder, no database.
            var command = await Command.RunAsync("dotnet", [ServiceProcess.BuiltDll, "notes", "draft", notesFile, "--out", draftFile, "--seed", Seeds.Repository],
                AppContext.BaseDirectory, new Dictionary<string, string?> { ["DOTNET_ENVIRONMENT"] = "Production", ["ConnectionStrings__Catalog"] = null });
            Assert.True(command.ExitCode == 0, command.ToString());
            Assert.Contains("Wrote ", command.Error, StringComparison.Ordinal);
            var yaml = await File.ReadAllTextAsync(draftFile);

            // The query drafts the same from the database, which holds the same catalog.
            var draft = (await api.DataAsync(DraftNotes, new { path = "notes/container-meetup-example.md", content = WriteUps.WriteUp }))["draftNotes"]!;
            Assert.Equal(yaml, (string?)draft["yaml"]);
            Assert.Equal("catalog/container-meetup-example.yaml", (string?)draft["catalogPath"]);
            // "git" is Git, which links only as written: the draft proposes the lower-case spelling the post uses.
            Assert.Equal(["Promethus", "Concource CI", "docker-compose", "git", "AppEngine", "swarm", "Kuberntes"], draft["nearMisses"]!.AsArray().Select(n => (string)n!["text"]!));
            Assert.Contains(draft["candidates"]!.AsArray(), c => (string?)c!["text"] == "Capistrano" && (int)c["count"]! == 3);

            // Only the event's facts filled in.
            var clock = Stopwatch.StartNew();
            var payload = Payload(await ImportAsync(
            [
                new { path = "notes/container-meetup-example.md", content = WriteUps.WriteUp },
                new { path = "catalog/container-meetup-example.yaml", content = WriteUps.FillInEvent(yaml) },
            ], key), "importNotes");
            output.WriteLine($"importNotes of the {WriteUps.WriteUp.Split('\n').Length}-line write-up: {clock.ElapsedMilliseconds} ms");

            var sections = payload["documents"]![0]!["sections"]!.AsArray();
            var talks = sections.Where(s => s!["talk"] is JsonObject).Select(s => s!["talk"]!).ToList();
            Assert.Equal(["Istio in production", "Linkerd or Istio", "Spinnaker", "Helm chart の管理", "Dockerだけじゃないランタイムの話", "Kuberntes on bare metal"],
                talks.Select(t => (string)t["title"]!));
            Assert.Equal(["superbrothers"], talks[0]["speakers"]!.AsArray().Select(s => (string)s!["slug"]!));
            Assert.Equal(["yahoo-japan"], talks[3]["organizations"]!.AsArray().Select(o => (string)o!["slug"]!));
            Assert.Equal(["PREAMBLE", "INTRODUCTION", "INTRODUCTION", "TRACK", "TALK", "TALK", "TRACK", "TALK", "TALK", "TRACK", "TALK", "TALK", "CLOSING", "LINKS"],
                sections.Select(s => (string)s!["kind"]!));
            var mentions = await MentionsAsync("container-meetup-example-notes");
            output.WriteLine("mentions: " + string.Join(", ", mentions.Select(m => $"({m.Line}, \"{m.Technology}\")")));
            Assert.Equal(ExpectedMentions.OrderBy(m => m.Line).ThenBy(m => m.Technology, StringComparer.Ordinal), mentions.Select(m => (m.Line, m.Technology)));
            // A talk's mentions, as the API gives them: the Istio talk's, sub-headings' lines included.
            Assert.Equal([14, 16, 17, 24, 25, 30], talks[0]["mentions"]!.AsArray().Select(m => (int)m!["line"]!).Distinct().Order());

            // The draft's suggested aliases, uncommented, link the misspellings; the report counts what changed and no more.
            var linked = WriteUps.FillInEvent(yaml).Replace("  # - { technology:", "  - { technology:", StringComparison.Ordinal);
            var relinked = Payload(await ImportAsync([new { path = "catalog/container-meetup-example.yaml", content = linked }], key), "importNotes");
            var changes = Changes(relinked);
            Assert.Equal((4, 0, 0), changes["Mention"]); // the "CI" of "Concource CI" was never one
            Assert.Equal((4, 0, 0), changes["TechnologyAlias"]);
            Assert.Equal((0, 1, 0), changes["ImportedFile"]);
            Assert.False(changes.ContainsKey("Technology"), "Mention counts moved, but no technology changed.");
            var linkedMentions = await MentionsAsync("container-meetup-example-notes");
            Assert.Equal([(26, "prometheus", "Promethus"), (46, "concourse-ci", "Concource CI"), (59, "google-app-engine", "AppEngine"), (66, "kubernetes", "Kuberntes")],
                linkedMentions.Where(m => m.Text is "Concource CI" or "AppEngine" or "Kuberntes" or "Promethus"));
            Assert.DoesNotContain(linkedMentions, m => m.Technology == "continuous-integration");
            Assert.Equal(ExpectedMentions.Length + 4, linkedMentions.Count);

            // Removing the files removes the talks and every mention, and says so.
            var removed = Payload(await Attack.PostAsync(api.Client,
                "mutation($input: RemoveImportedNotesInput!) { removeImportedNotes(input: $input) { changes { entity added updated removed } } }",
                new { input = new { paths = WriteUpPaths } }, key), "removeImportedNotes");
            var removals = Changes(removed);
            Assert.Equal((0, 0, ExpectedMentions.Length + 4), removals["Mention"]);
            Assert.Equal((0, 0, 6), removals["Talk"]);
            Assert.Equal((0, 0, 14), removals["Section"]);
            Assert.False(removals.ContainsKey("Technology"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// A blog's folder of posts of our own (<c>tests/Catalog.Tests.Support/Blog/</c>: YAML and TOML front matter, one post
    /// without, one writing up no event, one naming no technology, one with broken front matter), drafted by the command
    /// and imported by <c>notes import</c> into the test database with only the event's facts filled in.
    /// </summary>
    [Fact]
    public async Task A_blog_folder_is_drafted_post_by_post_with_a_summary_and_imported_whole()
    {
        var blog = Path.GetFullPath(Path.Combine(Seeds.Repository, "..", "tests", "Catalog.Tests.Support", "Blog"));
        var drafts = Directory.CreateTempSubdirectory("catalog-blog-drafts-");
        var environment = new Dictionary<string, string?> { ["DOTNET_ENVIRONMENT"] = "Production", ["ConnectionStrings__Catalog"] = null };
        try
        {
            var draft = await Command.RunAsync("dotnet", [ServiceProcess.BuiltDll, "notes", "draft", blog, "--out", drafts.FullName, "--seed", Seeds.Repository],
                AppContext.BaseDirectory, environment);
            output.WriteLine(draft.Error);
            // One post has broken front matter: reported with its file, line and code, the others drafted, exit code 1.
            Assert.Equal(1, draft.ExitCode);
            Assert.Contains("content/posts/broken-front-matter.md:1: FRONT_MATTER_INVALID: ", draft.Error, StringComparison.Ordinal);
            // stderr is a pipe here: a plain line per post, no bar drawn in place.
            Assert.Contains("[4/5] content/posts/meetup-recap.md: drafted catalog/meetup-recap.yaml: 2 talks", draft.Error, StringComparison.Ordinal);
            Assert.DoesNotContain('\r', draft.Error);
            Assert.Contains("| posts | drafted | skipped | failed | talks | mentions | candidates |", draft.Error, StringComparison.Ordinal);
            Assert.Matches(@"\|\s+5 \|\s+3 \|\s+1 \|\s+1 \|\s+2 \|\s+\d+ \|\s+\d+ \|", draft.Error);
            Assert.Equal(["building-images.yaml", "meetup-recap.yaml", "moving-logs-to-fluentd.yaml"],
                Directory.GetFiles(Path.Combine(drafts.FullName, "catalog")).Select(Path.GetFileName).Order(StringComparer.Ordinal));

            var import = environment.ToDictionary();
            import["ConnectionStrings__Catalog"] = api.ConnectionString;
            var recap = Path.Combine(drafts.FullName, "catalog", "meetup-recap.yaml");

            // The conference write-up's event is not filled in: the folder is refused whole, at the name line.
            var refused = await Command.RunAsync("dotnet", [ServiceProcess.BuiltDll, "notes", "import", drafts.FullName, "--seed", Seeds.Repository], AppContext.BaseDirectory, import);
            Assert.True(refused.ExitCode == 1, refused.ToString());
            Assert.Contains("catalog/meetup-recap.yaml:", refused.Error, StringComparison.Ordinal);
            await using (var db = TestPostgres.Context(api.ConnectionString))
                Assert.False(await db.Documents.AnyAsync(d => d.Slug == "moving-logs-to-fluentd-notes"), "A refused folder writes nothing.");

            await File.WriteAllTextAsync(recap, WriteUps.FillInEvent(await File.ReadAllTextAsync(recap)));
            var imported = await Command.RunAsync("dotnet", [ServiceProcess.BuiltDll, "notes", "import", drafts.FullName, "--seed", Seeds.Repository], AppContext.BaseDirectory, import);
            Assert.True(imported.ExitCode == 0, imported.ToString());

            await using var after = TestPostgres.Context(api.ConnectionString);
            var documents = await after.Documents.Where(d => d.Slug.EndsWith("-notes") && d.Slug != "japan-container-days-v18-04-notes")
                .Select(d => d.Slug).OrderBy(d => d).ToListAsync();
            Assert.Equal(["building-images-notes", "meetup-recap-notes", "moving-logs-to-fluentd-notes"], documents);
            Assert.Equal(2, await after.Talks.CountAsync(t => t.Slug == "running-istio-without-tears" || t.Slug == "what-we-learned-from-a-year-of-prometheus"));
            Assert.Equal([(18, "fluentd")], (await MentionsAsync("moving-logs-to-fluentd-notes")).Where(m => m.Line == 18 && m.Technology == "fluentd").Select(m => (m.Line, m.Technology)).Distinct());
        }
        finally
        {
            await Attack.PostAsync(api.Client,
                "mutation($input: RemoveImportedNotesInput!) { removeImportedNotes(input: $input) { changed } }",
                new { input = new { paths = BlogPaths } }, await KeyAsync());
            drafts.Delete(recursive: true);
        }
    }
}

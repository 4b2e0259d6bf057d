using System.Text.Json.Nodes;
using Catalog.Api;
using Catalog.Api.Auth;
using Catalog.Api.Notes.Importing;
using Catalog.Ingest.Import;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;
using Catalog.Tests.Hardening;
using Catalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Tests.Import;

/// <summary>
/// <c>importNotes</c> and <c>removeImportedNotes</c> through the API. Every test imports under slugs and paths of
/// its own, since the class shares one database (and each import keeps the files imported before it).
/// </summary>
public sealed class ImportNotesTests(CatalogApiFixture api) : IClassFixture<CatalogApiFixture>
{
    private const string ImportNotes = """
        mutation Import($input: ImportNotesInput!) {
          importNotes(input: $input) {
            seedHash changed paths
            changes { entity added updated removed }
            documents { slug path title sections { slug talk { slug title } } }
          }
        }
        """;

    private const string RemoveImportedNotes = """
        mutation Remove($input: RemoveImportedNotesInput!) {
          removeImportedNotes(input: $input) { seedHash changed paths changes { entity added updated removed } }
        }
        """;

    /// <summary>A small conference's notes and their catalog entries: an event, a document, a talk, a new technology and a mention of Istio.</summary>
    private sealed record Sample(string Id)
    {
        public string NotesPath => $"notes/kubecon-{Id}.md";
        public string CatalogPath => $"catalog/kubecon-{Id}.yaml";
        public string Document => $"kubecon-{Id}-notes";
        public string Talk => $"mesh-in-production-{Id}";
        public string Technology => $"meshlet-{Id}";
        public string TalkTitle => $"Service mesh in production {Id}";

        public static Sample New() => new(Guid.NewGuid().ToString("N")[..8]);

        public string Notes(string talkTitle) => $"""
            # KubeCon notes {Id}

            ## {talkTitle}

            - 本番でIstioを使っている
            - Meshlet-{Id}も試した

            """;

        public string Catalog(string talkTitle, string relationTarget = "istio") => $$"""
            events:
              - { slug: kubecon-{{Id}}, name: KubeCon Test {{Id}}, date: 2019-05-20, city: Barcelona }
            documents:
              - slug: {{Document}}
                file: {{NotesPath}}
                title: KubeCon notes {{Id}}
                language: ja
                event: kubecon-{{Id}}
                sections:
                  - { slug: introduction, heading: KubeCon notes {{Id}}, kind: introduction }
            people:
              - { slug: speaker-{{Id}}, name: Speaker {{Id}} }
            talks:
              - slug: {{Talk}}
                document: {{Document}}
                title: {{talkTitle}}
                speakers:
                  - { person: speaker-{{Id}} }
            technologies:
              - slug: {{Technology}}
                name: Meshlet-{{Id}}
                kind: project
                categories: [service-mesh]
                definition:
                  en: A small service mesh made up for the tests.
                  ja: テスト用に作ったサービスメッシュ。
                relations:
                  - { kind: alternative-to, target: {{relationTarget}} }

            """;

        public object[] Files(string? talkTitle = null) =>
        [
            new { path = NotesPath, content = Notes(talkTitle ?? TalkTitle) },
            new { path = CatalogPath, content = Catalog(talkTitle ?? TalkTitle) },
        ];
    }

    private async Task<(string, string)[]> KeyAsync() =>
        [(ApiKeys.Header, await api.Services.GetRequiredService<ApiKeys>().CreateAsync("import-tests"))];

    private Task<Attack.Response> ImportAsync(object[] files, (string, string)[]? headers) =>
        Attack.PostAsync(api.Client, ImportNotes, new { input = new { files } }, headers);

    private static JsonNode Payload(Attack.Response response, string field = "importNotes")
    {
        Assert.True(response.Json?["errors"] is null, response.Json?.ToJsonString());
        return response.Json!["data"]![field]!;
    }

    /// <summary>Row counts of every table an import writes, the stored imported files and the seed hash.</summary>
    private async Task<string> StateAsync()
    {
        await using var db = TestPostgres.Context(api.ConnectionString);
        var hash = await db.SeedStates.Select(s => s.SeedHash).SingleAsync();
        var files = string.Join("|", await db.ImportedFiles.OrderBy(f => f.Path).Select(f => f.Path + "@" + f.Sha256).ToListAsync());
        return string.Join(",",
            await db.Technologies.CountAsync(), await db.TechnologyAliases.CountAsync(), await db.TechnologyRelations.CountAsync(),
            await db.Talks.CountAsync(), await db.TalkSpeakers.CountAsync(), await db.People.CountAsync(), await db.Events.CountAsync(),
            await db.Documents.CountAsync(), await db.Sections.CountAsync(), await db.Mentions.CountAsync(), hash, files);
    }

    private async Task<JsonNode?> TalkAsync(string slug) =>
        (await api.DataAsync("query($slug: String!) { talk(slug: $slug) { slug title section { heading } technologies { slug } } }", new { slug }))["talk"];

    [Fact]
    public async Task Anonymous_and_wrong_keys_are_refused_and_change_nothing()
    {
        var sample = Sample.New();
        var before = await StateAsync();

        var anonymous = await ImportAsync(sample.Files(), null);
        var wrong = await ImportAsync(sample.Files(), [("Authorization", "Bearer cat_not-a-key")]);
        var remove = await Attack.PostAsync(api.Client, RemoveImportedNotes, new { input = new { paths = new[] { sample.NotesPath } } }, [(ApiKeys.Header, "cat_wrong")]);

        foreach (var response in new[] { anonymous, wrong, remove }) Assert.Equal(ErrorCodes.Unauthenticated, response.Code);
        Assert.Equal(before, await StateAsync());
        Assert.Null(await TalkAsync(sample.Talk));
        await using var db = TestPostgres.Context(api.ConnectionString);
        Assert.False(await db.ImportedFiles.AnyAsync(f => f.Path == sample.NotesPath || f.Path == sample.CatalogPath));
    }

    [Fact]
    public async Task The_right_key_imports_a_document_whose_talk_and_mentions_join_the_catalog()
    {
        var key = await KeyAsync();
        var sample = Sample.New();

        var payload = Payload(await ImportAsync(sample.Files(), key));

        Assert.True((bool)payload["changed"]!);
        Assert.Equal([sample.NotesPath, sample.CatalogPath], payload["paths"]!.AsArray().Select(p => (string)p!));
        var changes = payload["changes"]!.AsArray().ToDictionary(c => (string)c!["entity"]!, c => ((int)c!["added"]!, (int)c["updated"]!, (int)c["removed"]!));
        Assert.Equal((1, 0, 0), changes["Talk"]);
        Assert.Equal((1, 0, 0), changes["SourceDocument"]);
        // The new technology; Istio's mention count moved, which is no change of Istio's own.
        Assert.Equal((1, 0, 0), changes["Technology"]);
        Assert.Equal((3, 0, 0), changes["Mention"]); // the heading's "Service mesh", Istio and Meshlet
        Assert.Equal((2, 0, 0), changes["ImportedFile"]);
        var document = Assert.Single(payload["documents"]!.AsArray())!;
        Assert.Equal(sample.Document, (string?)document["slug"]);
        Assert.Equal(sample.NotesPath, (string?)document["path"]);
        Assert.Contains(document["sections"]!.AsArray(), s => (string?)s!["talk"]?["slug"] == sample.Talk);

        // Istio's talks now include the new one, with the line of the notes that mentions it.
        var istio = (await api.DataAsync("""
            { technology(slug: "istio") { talks { slug } mentions { line lineText talk { slug } } } }
            """))["technology"]!;
        Assert.Contains(istio["talks"]!.AsArray(), t => (string?)t!["slug"] == sample.Talk);
        var mention = Assert.Single(istio["mentions"]!.AsArray(), m => (string?)m!["talk"]?["slug"] == sample.Talk)!;
        Assert.Equal(5, (int)mention["line"]!);
        Assert.Equal("- 本番でIstioを使っている", (string?)mention["lineText"]);
        var meshlet = (await api.DataAsync("query($s: String!) { technology(slug: $s) { name talks { slug } related { kind technology { slug } } } }",
            new { s = $"MESHLET-{sample.Id}" }))["technology"]!;
        Assert.Equal($"Meshlet-{sample.Id}", (string?)meshlet["name"]);
        Assert.Equal(sample.Talk, (string?)meshlet["talks"]![0]!["slug"]);
        Assert.Equal("istio", (string?)meshlet["related"]![0]!["technology"]!["slug"]);

        // The same files again: nothing changes.
        var before = await StateAsync();
        var again = Payload(await ImportAsync(sample.Files(), key));
        Assert.False((bool)again["changed"]!);
        Assert.Empty(again["changes"]!.AsArray());
        Assert.Equal((string?)payload["seedHash"], (string?)again["seedHash"]);
        Assert.Equal(before, await StateAsync());
        await using var db = TestPostgres.Context(api.ConnectionString);
        var stored = await db.ImportedFiles.AsNoTracking().SingleAsync(f => f.Path == sample.CatalogPath);
        Assert.Equal("import-tests", stored.ImportedBy);
        Assert.Equal(sample.Catalog(sample.TalkTitle), stored.Content);
    }

    [Fact]
    public async Task Invalid_yaml_is_seed_invalid_at_its_file_and_line_and_writes_nothing()
    {
        var key = await KeyAsync();
        var sample = Sample.New();
        var broken = sample.Catalog(sample.TalkTitle).Replace("    language: ja\n", "    language: ja: en\n", StringComparison.Ordinal);
        var line = broken.Split('\n').ToList().IndexOf("    language: ja: en") + 1;
        var before = await StateAsync();

        var response = await ImportAsync([new { path = sample.NotesPath, content = sample.Notes(sample.TalkTitle) }, new { path = sample.CatalogPath, content = broken }], key);

        Assert.Equal(ImportMutations.SeedInvalid, response.Code);
        Assert.Null(response.Json!["data"]!["importNotes"]);
        var error = Assert.Single(response.Json["errors"]!.AsArray())!;
        Assert.Equal(sample.CatalogPath, (string?)error["extensions"]!["file"]);
        Assert.Equal(line, (int)error["extensions"]!["line"]!);
        Assert.StartsWith($"{sample.CatalogPath}:{line}: Not valid YAML", (string?)error["message"], StringComparison.Ordinal);
        Assert.Equal(["importNotes"], error["path"]!.AsArray().Select(p => (string?)p));
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task A_broken_reference_is_seed_invalid_at_its_line_and_writes_nothing()
    {
        var key = await KeyAsync();
        var sample = Sample.New();
        var catalog = sample.Catalog(sample.TalkTitle, relationTarget: "no-such-technology");
        var before = await StateAsync();

        var response = await ImportAsync([new { path = sample.NotesPath, content = sample.Notes(sample.TalkTitle) }, new { path = sample.CatalogPath, content = catalog }], key);

        Assert.Equal(ImportMutations.SeedInvalid, response.Code);
        var error = Assert.Single(response.Json!["errors"]!.AsArray())!;
        var line = catalog.Split('\n').ToList().FindIndex(l => l.Contains("no-such-technology", StringComparison.Ordinal)) + 1;
        Assert.Equal(sample.CatalogPath, (string?)error["extensions"]!["file"]);
        Assert.Equal(line, (int)error["extensions"]!["line"]!);
        Assert.Equal($"{sample.CatalogPath}:{line}: Technology '{sample.Technology}' refers to the technology 'no-such-technology', which does not exist.", (string?)error["message"]);
        Assert.Equal(before, await StateAsync());
        Assert.Null(await TalkAsync(sample.Talk));
    }

    [Fact]
    public async Task A_slug_the_seed_folder_already_has_is_reported_on_the_imported_file()
    {
        var key = await KeyAsync();
        var sample = Sample.New();
        var catalog = sample.Catalog(sample.TalkTitle).Replace($"  - slug: {sample.Technology}\n", "  - slug: istio\n", StringComparison.Ordinal);
        var before = await StateAsync();

        var response = await ImportAsync([new { path = sample.NotesPath, content = sample.Notes(sample.TalkTitle) }, new { path = sample.CatalogPath, content = catalog }], key);

        Assert.Equal(ImportMutations.SeedInvalid, response.Code);
        Assert.Contains(response.Json!["errors"]!.AsArray(), e =>
            (string?)e!["extensions"]!["file"] == sample.CatalogPath && ((string?)e["message"])!.Contains("The technology slug 'istio' is already used at catalog/technologies-delivery.yaml:", StringComparison.Ordinal));
        Assert.Equal(before, await StateAsync());
    }

    [Theory]
    [InlineData("../seed/notes/x.md")]
    [InlineData("notes/../catalog/x.yaml")]
    [InlineData("/etc/notes/x.md")]
    [InlineData("notes\\x.md")]
    [InlineData("C:/notes/x.md")]
    [InlineData("notes/x.txt")]
    [InlineData("notes/sub/x.md")]
    [InlineData("other/x.md")]
    [InlineData("notes/.md")]
    [InlineData("")]
    public async Task Paths_outside_catalog_and_notes_are_refused(string path)
    {
        var key = await KeyAsync();
        var sample = Sample.New();
        var before = await StateAsync();

        var response = await ImportAsync([new { path = sample.CatalogPath, content = sample.Catalog(sample.TalkTitle) }, new { path, content = sample.Notes(sample.TalkTitle) }], key);

        Assert.Equal(ImportMutations.BadUserInput, response.Code);
        Assert.Equal(path, (string?)response.Json!["errors"]![0]!["extensions"]!["path"]);
        Assert.Contains($"The path '{path}' cannot be imported", response.Message0, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task A_path_of_the_seed_folder_is_refused()
    {
        var key = await KeyAsync();
        var before = await StateAsync();
        const string path = "notes/japan-container-days-v18-04.md";

        var response = await ImportAsync([new { path, content = "# Replaced\n" }], key);

        Assert.Equal(ImportMutations.BadUserInput, response.Code);
        Assert.Contains("is a file of the seed folder", response.Message0, StringComparison.Ordinal);
        Assert.Equal(path, (string?)response.Json!["errors"]![0]!["extensions"]!["path"]);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task Importing_a_path_again_replaces_it_and_removing_it_removes_its_document_and_talks()
    {
        var key = await KeyAsync();
        var sample = Sample.New();
        Payload(await ImportAsync(sample.Files(), key));
        var talkId = await TalkIdAsync(sample.Talk);

        // A corrected title (and heading): the same talk, updated in place.
        var corrected = $"Service meshes in production {sample.Id}";
        var replaced = Payload(await ImportAsync(sample.Files(corrected), key));
        var changes = replaced["changes"]!.AsArray().ToDictionary(c => (string)c!["entity"]!, c => ((int)c!["added"]!, (int)c["updated"]!, (int)c["removed"]!));
        Assert.Equal((0, 1, 0), changes["Talk"]);
        Assert.Equal((0, 2, 0), changes["ImportedFile"]);
        Assert.Equal(corrected, (string?)(await TalkAsync(sample.Talk))!["title"]);
        Assert.Equal(corrected, (string?)(await TalkAsync(sample.Talk))!["section"]!["heading"]);
        Assert.Equal(talkId, await TalkIdAsync(sample.Talk));

        // An unknown path refuses the whole removal.
        var before = await StateAsync();
        var unknown = await Attack.PostAsync(api.Client, RemoveImportedNotes,
            new { input = new { paths = new[] { sample.NotesPath, sample.CatalogPath, "notes/never-imported.md" } } }, key);
        Assert.Equal(ImportMutations.NotFound, unknown.Code);
        Assert.Equal("notes/never-imported.md", (string?)unknown.Json!["errors"]![0]!["extensions"]!["path"]);
        Assert.Equal(before, await StateAsync());

        var removed = Payload(await Attack.PostAsync(api.Client, RemoveImportedNotes,
            new { input = new { paths = new[] { sample.NotesPath, sample.CatalogPath } } }, key), "removeImportedNotes");

        Assert.True((bool)removed["changed"]!);
        var removedChanges = removed["changes"]!.AsArray().ToDictionary(c => (string)c!["entity"]!, c => (int)c!["removed"]!);
        Assert.Equal(1, removedChanges["Talk"]);
        Assert.Equal(3, removedChanges["Mention"]); // Istio, Meshlet, and "Service meshes" (the service mesh) in the corrected heading
        Assert.Equal(1, removedChanges["SourceDocument"]);
        Assert.Equal(2, removedChanges["ImportedFile"]);
        Assert.Null(await TalkAsync(sample.Talk));
        Assert.Null((await api.DataAsync("query($s: String!) { technology(slug: $s) { slug } }", new { s = sample.Technology }))["technology"]);
        var istioTalks = (await api.DataAsync("""{ technology(slug: "istio") { talks { slug } } }"""))["technology"]!["talks"]!.AsArray();
        Assert.DoesNotContain(istioTalks, t => (string?)t!["slug"] == sample.Talk);
        await using var db = TestPostgres.Context(api.ConnectionString);
        Assert.False(await db.ImportedFiles.AnyAsync(f => f.Path == sample.NotesPath || f.Path == sample.CatalogPath));
        Assert.False(await db.Documents.AnyAsync(d => d.Slug == sample.Document));
    }

    [Fact]
    public async Task The_start_up_and_command_import_keep_the_imported_files()
    {
        var key = await KeyAsync();
        var sample = Sample.New();
        var imported = Payload(await ImportAsync(sample.Files(), key));
        var importer = api.Services.GetRequiredService<CatalogImporter>();

        // At start-up: the database holds this effective seed already.
        var startUp = await importer.ImportAsync(Seeds.Repository, onlyIfChanged: true);
        Assert.Equal((string?)imported["seedHash"], startUp.SeedHash);
        Assert.False(startUp.Changed);

        // The import command rewrites the effective seed, imported files included: the talk stays.
        var command = await importer.ImportAsync(Seeds.Repository);
        Assert.Equal((string?)imported["seedHash"], command.SeedHash);
        Assert.False(command.Changed);
        Assert.Equal(sample.TalkTitle, (string?)(await TalkAsync(sample.Talk))!["title"]);
        Assert.Contains((await TalkAsync(sample.Talk))!["technologies"]!.AsArray(), t => (string?)t!["slug"] == "istio");

        // The seed folder alone hashes differently, and `import --check` checks only the folder.
        Assert.NotEqual(CatalogImporter.Check(Seeds.Repository).SeedHash, startUp.SeedHash);
    }

    [Fact]
    public async Task A_landscape_technology_takes_an_imported_alias_and_a_documents_spelling_and_a_case_only_alias_points_to_spellings()
    {
        var key = await KeyAsync();
        var sample = Sample.New();
        var notes = sample.Notes(sample.TalkTitle) + "- rabbitMQのキューをRabbit MQ-" + sample.Id + "経由で\n";
        string Catalog(string entries) => sample.Catalog(sample.TalkTitle, relationTarget: "rabbitmq") + entries;
        var caseOnly = Catalog("aliases:\n  - { technology: rabbitmq, text: rabbitMQ, kind: notes-spelling }\n");
        var before = await StateAsync();

        // RabbitMQ comes from the landscape alone: a case-only alias is refused at its own line, pointing to spellings.
        var refused = await ImportAsync([new { path = sample.NotesPath, content = notes }, new { path = sample.CatalogPath, content = caseOnly }], key);

        Assert.Equal(ImportMutations.SeedInvalid, refused.Code);
        var error = Assert.Single(refused.Json!["errors"]!.AsArray())!;
        var line = caseOnly.Split('\n').ToList().FindIndex(l => l.Contains("text: rabbitMQ", StringComparison.Ordinal)) + 1;
        Assert.Equal((sample.CatalogPath, line), ((string?)error["extensions"]!["file"], (int)error["extensions"]!["line"]!));
        Assert.Equal($"{sample.CatalogPath}:{line}: Technology 'rabbitmq' has 'RabbitMQ' (its name) already, and 'rabbitMQ' differs from it only in case or width, " +
            "which makes no new alias. For a document that writes 'rabbitMQ' for 'rabbitmq', give the document 'spellings: [{ text: rabbitMQ, technology: rabbitmq }]'.",
            (string?)error["message"]);
        Assert.Equal(before, await StateAsync());

        // The document's spelling and an alias of another spelling: both link, and the relation holds.
        var accepted = Catalog($"aliases:\n  - {{ technology: rabbitmq, text: Rabbit MQ-{sample.Id}, kind: notes-spelling }}\n")
            .Replace("    event: ", "    spellings: [{ text: rabbitMQ, technology: rabbitmq }]\n    event: ", StringComparison.Ordinal);
        Payload(await ImportAsync([new { path = sample.NotesPath, content = notes }, new { path = sample.CatalogPath, content = accepted }], key));

        var rabbit = (await api.DataAsync("""
            { technology(slug: "rabbitmq") { slug talks { slug } mentions { line matchedText talk { slug } } } }
            """))["technology"]!;
        Assert.Contains(rabbit["talks"]!.AsArray(), t => (string?)t!["slug"] == sample.Talk);
        var mentions = rabbit["mentions"]!.AsArray().Where(m => (string?)m!["talk"]?["slug"] == sample.Talk).Select(m => ((int)m!["line"]!, (string?)m["matchedText"]));
        Assert.Equal([(7, "rabbitMQ"), (7, $"Rabbit MQ-{sample.Id}")], mentions);
        var byAlias = (await api.DataAsync("query($s: String!) { technology(slug: $s) { slug } }", new { s = $"rabbit mq-{sample.Id}" }))["technology"]!;
        Assert.Equal("rabbitmq", (string?)byAlias["slug"]);
        var meshlet = (await api.DataAsync("query($s: String!) { technology(slug: $s) { related { technology { slug } } } }", new { s = sample.Technology }))["technology"]!;
        Assert.Equal("rabbitmq", (string?)meshlet["related"]![0]!["technology"]!["slug"]);
    }

    private async Task<int> TalkIdAsync(string slug)
    {
        await using var db = TestPostgres.Context(api.ConnectionString);
        return await db.Talks.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync();
    }
}

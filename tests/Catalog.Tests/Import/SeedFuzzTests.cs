using System.Diagnostics;
using System.Text;
using Catalog.Api.Import;
using Catalog.Api.Notes.Drafting;
using Catalog.Tests.Infrastructure;

namespace Catalog.Tests.Import;

/// <summary>
/// Mutations of the real seed files, from a fixed random seed, through the checker that <c>import --check</c> and
/// <c>importNotes</c> both run (<see cref="SeedLoader.Load(IEnumerable{SeedFile})"/>): every outcome is a plan or
/// problems at a file and line of the seed, never another exception. The same for drafts of mutated notes.
/// </summary>
public sealed class SeedFuzzTests
{
    private const int Seed = 20261202;
    private static readonly List<SeedFile> Folder = SeedLoader.ReadFolder(Seeds.Repository);

    private static readonly string[] Specials =
        ["{", "}", "[", "]", ": ", "- ", "#", "&a ", "*a", "!", "|", ">", "'", "\"", "%", "@", "`", ",", "? ", "\t", "\r", "\r\n", "\n",
         "\0", "\u0001", "\u007F", "\uFEFF", "\u2028", "\uD800", "\uDC00", "日本", "---\n", "...\n", "\\", "<!--", "```\n", "## ", "<pre>", "&lt;"];

    /// <summary>One to three random edits of a text: lines dropped, repeated, swapped or shifted, characters and spans inserted, cut or repeated.</summary>
    internal static string Mutate(string text, Random random)
    {
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var lines = text.Split('\n').ToList();
            var line = random.Next(lines.Count);
            var at = text.Length == 0 ? 0 : random.Next(text.Length);
            switch (random.Next(14))
            {
                case 0: lines.RemoveAt(line); text = string.Join('\n', lines); break;
                case 1: lines.Insert(line, lines[line]); text = string.Join('\n', lines); break;
                case 2 when line + 1 < lines.Count: (lines[line], lines[line + 1]) = (lines[line + 1], lines[line]); text = string.Join('\n', lines); break;
                case 3: lines[line] = new string(' ', random.Next(1, 5)) + lines[line]; text = string.Join('\n', lines); break;
                case 4: lines[line] = lines[line].TrimStart(); text = string.Join('\n', lines); break;
                case 5: text = text.Remove(at, Math.Min(random.Next(1, 40), text.Length - at)); break;
                case 6: text = text[..at]; break;
                case 7: text = text.Insert(at, text.Substring(at, Math.Min(random.Next(1, 60), text.Length - at))); break;
                case 8: text = text.Replace("\n", "\r\n", StringComparison.Ordinal); break;
                case 9: text = "\uFEFF" + text; break;
                case 10: text = text.Insert(at, new string((char)random.Next('a', 'z' + 1), random.Next(100, 700))); break;
                case 11:
                    var other = Folder[random.Next(Folder.Count)].Text.Split('\n');
                    lines.Insert(line, other[random.Next(other.Length)]);
                    text = string.Join('\n', lines);
                    break;
                default: text = text.Insert(at, Specials[random.Next(Specials.Length)]); break;
            }
        }
        return text;
    }

    [Fact]
    public void Mutated_seed_files_give_a_plan_or_problems_at_a_file_and_line_of_the_seed()
    {
        var random = new Random(Seed);
        var lineCounts = Folder.ToDictionary(f => f.Path, f => NotesParser.SplitLines(f.Text).Count);
        var (plans, refused) = (0, 0);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 2000; i++)
        {
            var files = Folder.ToList();
            var index = random.Next(files.Count);
            files[index] = files[index] with { Text = Mutate(files[index].Text, random) };
            var mutatedLines = NotesParser.SplitLines(files[index].Text).Count;
            try
            {
                SeedLoader.Load(files);
                plans++;
            }
            catch (SeedException e)
            {
                refused++;
                Assert.NotEmpty(e.Errors);
                foreach (var error in e.Errors)
                {
                    Assert.True(lineCounts.ContainsKey(error.File), $"Mutation {i} of {files[index].Path}: {error} names no seed file.");
                    var lines = error.File == files[index].Path ? mutatedLines : lineCounts[error.File];
                    Assert.True(error.Line >= 1 && error.Line <= lines + 1, $"Mutation {i} of {files[index].Path}: {error} is not a line of the file ({lines} lines).");
                }
            }
            catch (Exception e)
            {
                Assert.Fail($"Mutation {i} of {files[index].Path} threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }
        }
        // The mutations reach both outcomes: they are not all harmless, nor all caught at the first byte.
        Assert.True(refused > 500 && plans > 100, $"{plans} plans, {refused} refused, in {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void A_draft_of_any_mutated_notes_is_yaml_the_importer_reads_without_a_problem_in_it()
    {
        var random = new Random(Seed + 1);
        var vocabulary = NotesVocabulary.From(SeedLoader.Load(Folder));
        var notes = Folder.Single(f => f.Path.StartsWith("notes/", StringComparison.Ordinal)).Text;
        var writeUp = NotesDraftTests.WriteUp;
        for (var i = 0; i < 200; i++)
        {
            var markdown = Mutate(i % 2 == 0 ? notes : writeUp, random);
            // The command and the query draft only notes the importer can take (no NUL, no lone surrogate ...).
            var refused = SeedText.Check("notes/fuzzed.md", markdown, notes: true).Any();
            NotesDraft draft;
            try
            {
                draft = NotesDrafter.Draft("notes/fuzzed.md", markdown, vocabulary);
            }
            catch (Exception e)
            {
                Assert.Fail($"Draft {i} threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
                throw;
            }
            if (refused) continue;
            var files = SeedLoader.Merge(Folder, [new SeedFile(draft.NotesPath, markdown, true), new SeedFile(draft.CatalogPath, NotesDraftTests.FillInEvent(draft.Yaml), true)]);
            try
            {
                SeedLoader.Load(files);
            }
            catch (SeedException e)
            {
                // The notes themselves may be refused (a NUL, a lone surrogate); the draft's YAML never is.
                var inDraft = e.Errors.Where(error => error.File != draft.NotesPath).ToList();
                Assert.True(inDraft.Count == 0, $"Draft {i}: {string.Join("\n", inDraft)}\n--- notes:\n{markdown}\n--- draft:\n{draft.Yaml}");
            }
        }
    }

    [Fact]
    public void Malformed_yaml_of_every_kind_is_a_problem_at_a_line()
    {
        string[] shapes =
        [
            "technologies:\n  - { slug: x, name: [X\n",          // an unclosed '[' inside '{'
            "technologies: {\n",                                  // an unclosed '{'
            "technologies: [\n  - a\n",                           // an unclosed '['
            "a: 'unclosed\n",
            "a: b: c\n",
            "- a\nb: c\n",
            "key: &a [*a]\n",
            "technologies: *nowhere\n",
            "? [complex, key]\n: value\n",
            "a: 1\na: 2\n",
            "%YAML 9.9\n---\na: 1\n",
            "!!binary abc\n",
            "\t- tab indented\n",
            new string('[', 5000) + new string(']', 5000) + "\n",
            string.Concat(Enumerable.Repeat("- ", 3000)) + "x\n",
            "people:\n  - { slug: \"a\\0b\", name: \"NUL \\0 inside\" }\n",
            "people:\n  - { slug: a, name: \"\\uD800 lone\" }\n",
        ];
        foreach (var shape in shapes)
        {
            var files = Folder.Append(new SeedFile("catalog/shape.yaml", shape, true)).ToList();
            var exception = Assert.Throws<SeedException>(() => SeedLoader.Load(files));
            Assert.All(exception.Errors, e => Assert.True(e.File == "catalog/shape.yaml" && e.Line >= 1 && e.Line <= shape.Count(c => c == '\n') + 1,
                $"{Printable(shape)} gave {e}"));
        }
    }

    [Fact]
    public void Crlf_a_byte_order_mark_and_a_ten_megabyte_file_are_handled()
    {
        var crlf = Folder.Select(f => f with { Text = "\uFEFF" + f.Text.Replace("\n", "\r\n", StringComparison.Ordinal) }).ToList();
        var plan = SeedLoader.Load(crlf);
        var original = SeedLoader.Load(Folder);
        Assert.Equal(original.Mentions.Select(m => (m.Line, m.Column, m.Technology)), plan.Mentions.Select(m => (m.Line, m.Column, m.Technology)));

        var huge = new StringBuilder("# Huge\n\n");
        while (huge.Length < 10 << 20) huge.Append("- Kubernetesの話、Istioの話。\n");
        var clock = Stopwatch.StartNew();
        var error = Assert.Single(Assert.Throws<SeedException>(() => SeedLoader.Load(Folder.Append(new SeedFile("notes/huge.md", huge.ToString(), true)))).Errors);
        Assert.Equal(("notes/huge.md", 1), (error.File, error.Line));
        Assert.Contains("a seed file is at most", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{clock.ElapsedMilliseconds} ms");

        var longLine = "# Long\n\n" + new string('k', 20_000) + "\n";
        var lineError = Assert.Single(Assert.Throws<SeedException>(() => SeedLoader.Load(Folder.Append(new SeedFile("notes/long.md", longLine, true)))).Errors);
        Assert.Equal(("notes/long.md", 3), (lineError.File, lineError.Line));
    }

    [Fact]
    public void Invalid_utf8_in_the_seed_folder_names_its_file_and_line()
    {
        using var seed = Seeds.Copy();
        var path = seed.PathOf("notes/japan-container-days-v18-04.md");
        var bytes = File.ReadAllBytes(path).ToList();
        var line5 = IndexOfLine(bytes, 5);
        bytes.InsertRange(line5 + 2, new byte[] { 0xC3, 0x28 });
        File.WriteAllBytes(path, bytes.ToArray());

        var error = Assert.Single(Assert.Throws<SeedException>(() => SeedLoader.ReadFolder(seed.Root)).Errors);

        Assert.EndsWith("notes/japan-container-days-v18-04.md", error.File.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.Equal(5, error.Line);
        Assert.Contains("not valid UTF-8: byte 0xC3 at column 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_import_check_command_exits_with_1_and_file_line_for_malformed_files()
    {
        using var seed = Seeds.Copy();
        // Several problems at once, each in its own file: an unclosed '{', nesting past the limit, a NUL, a mutation.
        seed.Replace("catalog/categories.yaml", "  - { slug: provisioning, name-en: Provisioning, name-ja: プロビジョニング }", "  - { slug: provisioning, name-en: Provisioning");
        seed.Write("catalog/deep.yaml", "technologies: " + new string('[', 3000) + "\n");
        seed.Write("catalog/nul.yaml", "people:\n  - { slug: nul, name: \"a\0b\" }\n");
        var random = new Random(Seed + 2);
        seed.Write("catalog/technologies-network.yaml", Mutate(seed.Read("catalog/technologies-network.yaml") + "\n  - {", random));

        var result = await CheckAsync(seed.Root);

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"catalog/categories\.yaml:\d+: Not valid YAML", result.Error);
        Assert.Matches(@"catalog/deep\.yaml:1: Not valid YAML: .*Lists and mappings nest more than 32 levels deep here\.", result.Error);
        Assert.Contains("catalog/nul.yaml:2: Column ", result.Error, StringComparison.Ordinal);
        Assert.Matches(@"catalog/technologies-network\.yaml:\d+: ", result.Error);
        Assert.DoesNotContain("Unhandled exception", result.Error, StringComparison.Ordinal);

        // Invalid UTF-8 is found while reading the folder, before anything is parsed.
        using var utf8 = Seeds.Copy();
        File.WriteAllBytes(utf8.PathOf("catalog/broken.yaml"), [.. "people:\n  - { slug: x, name: "u8.ToArray(), 0xFF, 0xFE, (byte)'\n']);
        var invalid = await CheckAsync(utf8.Root);
        Assert.Equal(1, invalid.ExitCode);
        Assert.Contains("catalog/broken.yaml:2: The file is not valid UTF-8: byte 0xFF", invalid.Error, StringComparison.Ordinal);
    }

    private static Task<CommandResult> CheckAsync(string seedRoot) =>
        Command.RunAsync("dotnet", [ServiceProcess.BuiltDll, "import", "--check", "--seed", seedRoot], AppContext.BaseDirectory,
            new Dictionary<string, string?> { ["DOTNET_ENVIRONMENT"] = "Production", ["ConnectionStrings__Catalog"] = null });

    private static int IndexOfLine(List<byte> bytes, int line)
    {
        var index = 0;
        for (var current = 1; current < line; current++) index = bytes.IndexOf((byte)'\n', index) + 1;
        return index;
    }

    private static string Printable(string text) => text.Length > 60 ? text[..60] + "..." : text;
}

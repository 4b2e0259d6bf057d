using System.Diagnostics;
using System.Text;
using Catalog.Ingest.Drafting;
using Catalog.Ingest.Import;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;
using Catalog.Tests.Infrastructure;
using static Catalog.Tests.Infrastructure.SeedMutations;

namespace Catalog.Tests.Import;

/// <summary>
/// Malformed seed files (YAML of every broken kind, CRLF, a byte order mark, a ten-megabyte file, invalid UTF-8)
/// through the checker that <c>import --check</c> and <c>importNotes</c> both run: problems at a file and line,
/// never another exception. The long random runs over the whole seed are <c>SeedFuzzTests</c>, with the slower tests.
/// </summary>
public sealed class MalformedSeedTests
{
    private const int Seed = 20261202;
    private static readonly List<SeedFile> Folder = SeedLoader.ReadFolder(Seeds.Repository);

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

    private static int IndexOfLine(List<byte> bytes, int line)
    {
        var index = 0;
        for (var current = 1; current < line; current++) index = bytes.IndexOf((byte)'\n', index) + 1;
        return index;
    }

    private static string Printable(string text) => text.Length > 60 ? text[..60] + "..." : text;
}

using Catalog.Api.Commands;
using Catalog.Tests.Annotating;
using Catalog.Tests.Infrastructure;

namespace Catalog.Tests.Commands;

/// <summary><c>notes annotate</c> as the command line runs it, against the seed folder: its output, its options and its refusals.</summary>
public sealed class AnnotateCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("catalog-annotate-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = AnnotateCommand.Run(["notes", "annotate", .. args], Seeds.Repository, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void A_post_is_printed_annotated_with_the_options_given()
    {
        var post = Write("post.md", Posts.Japanese);

        var (code, text, error) = Run(post, "--glossary-url", "https://glossary.example/t/{slug}", "--all");

        Assert.True(code == 0, error);
        Assert.Equal(AnnotatorTests.Annotate(Posts.Japanese, new(GlossaryUrl: "https://glossary.example/t/{slug}", All: true)).Text, text);
        Assert.Contains("[Kubernetes](https://glossary.example/t/kubernetes \"", text, StringComparison.Ordinal);
        Assert.Contains("## 用語集", text, StringComparison.Ordinal);
        Assert.Contains("the post read as ja", error, StringComparison.Ordinal);

        // The language and the format as asked: an English glossary, HTML links.
        var html = Write("post.html", "<p>We run Istio on Kubernetes.</p>\n");
        var (htmlCode, htmlText, _) = Run(html, "--format", "html", "--lang", "ja");
        Assert.Equal(0, htmlCode);
        Assert.Contains("<abbr title=\"", htmlText, StringComparison.Ordinal);
        Assert.Contains("<h2>用語集</h2>", htmlText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--lang", "fr")]
    [InlineData("--format", "pdf")]
    [InlineData("--glossary-url")]
    [InlineData("--glossary-url", "https://glossary.example/t/")]
    [InlineData("--everything")]
    public void Usage_mistakes_exit_with_2_and_print_nothing(params string[] options)
    {
        var post = Write("post.md", Posts.English);

        var (code, text, error) = Run(options.Length == 0 ? [] : [post, .. options]);

        Assert.Equal(2, code);
        Assert.Empty(text);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void A_post_over_the_notes_limits_or_missing_exits_with_1_naming_the_line()
    {
        var post = Write("long.md", "# Title\n\n" + new string('x', 10_001) + "\n");

        var (code, text, error) = Run(post);

        Assert.Equal(1, code);
        Assert.Empty(text);
        Assert.Contains("long.md:3:", error, StringComparison.Ordinal);
        Assert.Equal(1, Run(Path.Combine(_folder.FullName, "missing.md")).Code);
    }
}

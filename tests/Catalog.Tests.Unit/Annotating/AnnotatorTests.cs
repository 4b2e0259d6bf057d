using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Catalog.Api.Commands;
using Catalog.Ingest.Annotating;
using Catalog.Ingest.Import;
using Catalog.Ingest.Linking;
using Catalog.Tests.Infrastructure;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Xunit.Abstractions;

namespace Catalog.Tests.Annotating;

/// <summary>
/// Annotating posts (<see cref="Annotator"/>) with the seed's catalog, as <c>notes annotate</c> does: what links, what stays
/// as written, the glossary section, and output that a CommonMark parser (Markdig) and a strict HTML5 parser (AngleSharp)
/// read as meant.
/// </summary>
public sealed class AnnotatorTests(ITestOutputHelper output)
{
    private static readonly ImportPlan Plan = SeedLoader.Load(Seeds.Repository);
    private static readonly Linker Linker = new(PlanVocabulary.From(Plan.Catalog, Plan.Aliases));
    private static readonly SeedTerms Terms = new(Plan.Catalog);

    private const string Url = "https://glossary.example/t/{slug}";

    internal static Annotation Annotate(string text, AnnotateOptions? options = null) =>
        Annotator.Annotate(text, options ?? new AnnotateOptions(), Linker, Terms.Define);

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").Split('\n');

    private static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, new MarkdownPipelineBuilder().UseYamlFrontMatter().UseAdvancedExtensions().Build());

    private static List<LinkInline> GlossaryLinks(MarkdownDocument document) =>
        document.Descendants<LinkInline>().Where(l => !l.IsImage && l.Url?.StartsWith("https://glossary.example/", StringComparison.Ordinal) == true).ToList();

    /// <summary>An HTML5 parser in strict mode, where a parse error throws. A fragment is parsed inside a page of its own.</summary>
    private static IHtmlDocument ParseHtml(string html) =>
        new HtmlParser(new HtmlParserOptions { IsStrictMode = true }).ParseDocument(
            html.Contains("<html", StringComparison.Ordinal) ? html : $"<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body>{html}</body></html>");

    [Fact]
    public void An_english_post_links_each_technology_once_in_its_prose_and_ends_with_a_glossary()
    {
        var annotation = Annotate(Posts.English, new AnnotateOptions(GlossaryUrl: Url));
        output.WriteLine(annotation.Text);
        var before = Lines(Posts.English);
        var after = Lines(annotation.Text);

        Assert.Equal(Lang.En, annotation.Lang);
        // Front matter, the heading (its anchor), the code fence and the line with an existing link stay as written.
        Assert.Equal(before[..5], after[..5]);
        Assert.Equal(before[6..12], after[6..12]);
        Assert.Contains("`kubectl get pods`", after[12], StringComparison.Ordinal);
        // The first occurrence of each technology links; Helm's and Kubernetes' later ones do not.
        var helm = Assert.Single(annotation.Links, l => l.Slug == "helm");
        Assert.Equal((6, 31, "Helm"), (helm.Line, helm.Column, helm.Text));
        Assert.Single(annotation.Links, l => l.Slug == "kubernetes");
        Assert.Equal(annotation.Links.Count, annotation.Links.Select(l => l.Slug).Distinct().Count());
        Assert.StartsWith("We package every ", after[5], StringComparison.Ordinal);
        Assert.Contains("[Helm](https://glossary.example/t/helm \"Package manager for Kubernetes.", after[5], StringComparison.Ordinal);

        var document = Parse(annotation.Text);
        // The code block is still code, word for word.
        var fence = Assert.Single(document.Descendants<FencedCodeBlock>());
        Assert.Equal(before[9], fence.Lines.ToString());
        Assert.Equal(["Shipping with Helm", "Glossary"],
            document.Descendants<HeadingBlock>().Select(h => string.Concat(h.Inline!.Descendants<LiteralInline>().Select(l => l.Content.ToString()))));
        // Every link parses as one, with the definition as its title: once in the prose and once in the glossary.
        var links = GlossaryLinks(document);
        Assert.Equal(annotation.Links.Count * 2, links.Count);
        foreach (var term in annotation.Glossary)
        {
            Assert.Equal(term.Definition, links.First(l => l.Url == term.Url).Title);
            Assert.Contains($"- [{term.Name}]({term.Url}): ", annotation.Text, StringComparison.Ordinal);
        }
        Assert.Single(document.Descendants<LinkInline>(), l => l.Url == "https://helm.sh/docs/");
        Assert.Contains("## Glossary", after);
    }

    [Fact]
    public void All_links_every_occurrence_the_linker_decides()
    {
        var first = Annotate(Posts.English, new AnnotateOptions(GlossaryUrl: Url));
        var all = Annotate(Posts.English, new AnnotateOptions(GlossaryUrl: Url, All: true));

        Assert.Equal(2, all.Links.Count(l => l.Slug == "kubernetes"));
        Assert.True(all.Links.Count(l => l.Slug == "helm") >= 2);
        Assert.Equal(first.Glossary, all.Glossary);
        // Still never in the heading, the code fence or the existing link's text.
        Assert.DoesNotContain(all.Links, l => l.Line is 4 or (>= 9 and <= 11) || (l.Line == 7 && l.Column > 60));
        Assert.Equal(all.Links.Count + all.Glossary.Count, GlossaryLinks(Parse(all.Text)).Count);
    }

    [Fact]
    public void A_japanese_post_gets_abbr_titles_and_a_glossary_in_japanese()
    {
        var annotation = Annotate(Posts.Japanese);
        output.WriteLine(annotation.Text);
        var before = Lines(Posts.Japanese);
        var after = Lines(annotation.Text);

        Assert.Equal(Lang.Ja, annotation.Lang);
        Assert.Equal(["kubernetes", "istio", "envoy"], annotation.Links.Select(l => l.Slug).Take(3));
        Assert.Equal(before[0], after[0]);
        // Inline code and an existing link stay; the code fence is untouched; ポッドキャスト is no Pod.
        Assert.Equal(before[3], after[3]);
        Assert.Equal(before[5..9], after[5..9]);
        Assert.Equal(before[10], after[10]);
        Assert.DoesNotContain(annotation.Links, l => l.Line == 11);

        Assert.Contains("<abbr title=\"コンテナ化したアプリケーション", after[2], StringComparison.Ordinal);
        Assert.Contains("## 用語集", after);
        var kubernetes = annotation.Glossary[0];
        Assert.Equal("Kubernetes", kubernetes.Name);
        Assert.Contains($"- **Kubernetes**：{kubernetes.Definition}", after);
        Assert.True(annotation.Glossary.All(t => t.Definition!.Any(c => c is >= '\u3040' and <= '\u30FF')), "Every definition is the Japanese one.");

        // As CommonMark: each abbr element is two pieces of inline HTML in the paragraph, the glossary a list of the terms.
        var document = Parse(annotation.Text);
        Assert.Equal(annotation.Links.Count * 2, document.Descendants<HtmlInline>().Count());
        Assert.Equal(annotation.Glossary.Count, document.Descendants<ListItemBlock>().Count());
        Assert.Single(document.Descendants<FencedCodeBlock>());
    }

    [Fact]
    public void Everyday_words_that_are_also_names_link_nothing()
    {
        const string post = """
            On the ferry home the captain took the helm, harbor seals slept on the pier,
            and a pod of dolphins followed us past the lighthouse while we read Kafka.

            """;

        var annotation = Annotate(post, new AnnotateOptions(GlossaryUrl: Url, All: true));

        Assert.Empty(annotation.Links);
        Assert.Equal(post, annotation.Text);
    }

    [Fact]
    public void Titles_and_attributes_are_escaped_and_a_composed_definition_is_marked()
    {
        // Snapt Nova has no written definition: the composed one names the landscape's "Orchestration & Management".
        const string post = "<p>We put Snapt Nova in front of Kubernetes and watch it with Prometheus.</p>\n";
        var html = Annotate(post, new AnnotateOptions(Format: AnnotateFormat.Html, GlossaryUrl: "https://glossary.example/t/{slug}?from=blog&lang=en"));
        output.WriteLine(html.Text);

        var snapt = Assert.Single(html.Glossary, t => t.Slug == "snapt-nova");
        Assert.True(snapt.Composed);
        Assert.Contains("Orchestration & Management", snapt.Definition, StringComparison.Ordinal);
        Assert.Contains("Orchestration &amp; Management", html.Text, StringComparison.Ordinal);

        var document = ParseHtml(html.Text);
        var anchors = document.QuerySelectorAll("p a").ToList();
        Assert.Equal(html.Links.Select(l => l.Text), anchors.Select(a => a.TextContent));
        Assert.Equal(snapt.Definition, anchors[0].GetAttribute("title"));
        Assert.Equal("https://glossary.example/t/snapt-nova?from=blog&lang=en", anchors[0].GetAttribute("href"));
        var section = document.QuerySelector("section.glossary")!;
        Assert.Equal("Glossary", section.QuerySelector("h2")!.TextContent);
        Assert.Equal(html.Glossary.Select(t => t.Name), section.QuerySelectorAll("dt").Select(d => d.TextContent));
        Assert.Equal(snapt.Definition + " (Composed from the catalog's facts)", section.QuerySelectorAll("dd")[0].TextContent);

        // The same in Markdown: the abbr's attribute, the glossary's text, and a link's title.
        var markdown = Annotate("We put Snapt Nova in front of Kubernetes.\n");
        Assert.Contains("<abbr title=\"Snapt Nova is a product, listed in the CNCF landscape under Orchestration &amp; Management", markdown.Text, StringComparison.Ordinal);
        Assert.EndsWith(" (Composed from the catalog's facts)", Lines(markdown.Text).Single(l => l.StartsWith("- **Snapt Nova**", StringComparison.Ordinal)), StringComparison.Ordinal);
        var linked = Annotate("We put Snapt Nova in front of Kubernetes.\n", new AnnotateOptions(GlossaryUrl: Url));
        Assert.Equal(snapt.Definition, GlossaryLinks(Parse(linked.Text))[0].Title);
    }

    [Fact]
    public void An_html_page_keeps_its_tags_code_links_and_headings_and_gets_the_glossary_inside_its_body()
    {
        var annotation = Annotate(Posts.Html, new AnnotateOptions(Format: AnnotateFormat.Html));
        output.WriteLine(annotation.Text);

        var document = ParseHtml(annotation.Text);
        Assert.Equal("Helm in practice", document.QuerySelector("h2#helm")!.InnerHtml);
        Assert.Equal("helm", document.QuerySelector("p code")!.InnerHtml);
        Assert.Equal("Kubernetes site", document.QuerySelector("a[href='https://kubernetes.io/']")!.InnerHtml);
        Assert.Equal("Kubernetes logo", document.QuerySelector("img")!.GetAttribute("alt"));
        Assert.Equal("istioctl install   # Istio\n", document.QuerySelector("pre code")!.TextContent);
        Assert.Equal("Helm in practice", document.Title);
        Assert.Equal(annotation.Links.Select(l => l.Text), document.QuerySelectorAll("p abbr").Select(a => a.TextContent));
        Assert.Contains(annotation.Links, l => l.Slug == "helm" && l.Line == 7);
        Assert.Same(document.Body, document.QuerySelector("section.glossary")!.ParentElement);
        Assert.EndsWith("</section>\n</body>\n</html>\n", annotation.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://glossary.example/t/{slug}", true)]
    [InlineData("http://localhost:8080/glossary#{slug}", true)]
    [InlineData("https://glossary.example/t/", false)]
    [InlineData("ftp://glossary.example/{slug}", false)]
    [InlineData("/t/{slug}", false)]
    [InlineData("https://glossary.example/t/{slug} x", false)]
    [InlineData("javascript:alert(1)//{slug}", false)]
    public void A_glossary_url_is_an_absolute_web_address_with_a_slug_placeholder(string template, bool valid) =>
        Assert.Equal(valid, Annotator.UrlProblem(template) is null);
}

/// <summary>Posts of our own words, in English, Japanese and HTML.</summary>
internal static class Posts
{
    public const string English = """
        ---
        title: Shipping on a Friday with Helm
        ---
        # Shipping with Helm

        We package every service with Helm and deploy it to Kubernetes with Argo CD.
        Helm keeps the release history, so a rollback is one command; see [the Helm docs](https://helm.sh/docs/) for more.

        ```sh
        helm upgrade --install shop ./chart   # Kubernetes does the rest
        ```

        Our metrics go to Prometheus, and `kubectl get pods` shows what the cluster thinks of Kubernetes today.
        On the ferry home the captain took the helm, and nobody mentioned Prometheus the titan.
        """;

    public const string Japanese = """
        # Kubernetesで動かすサービスメッシュ

        私たちはKubernetesの上でIstioを動かしている。Envoyがサイドカーとして各Podに入り、通信を受け持つ。
        設定は `istioctl analyze` で確かめる。詳しくは[Istioの文書](https://istio.io/latest/docs/)を読むとよい。

        ```yaml
        # Istio の VirtualService
        kind: VirtualService
        ```

        帰り道にポッドキャストを聞いていたら、またIstioの話が出てきた。
        """;

    public const string Html = """
        <!DOCTYPE html>
        <html lang="en">
        <head><title>Helm in practice</title></head>
        <body>
        <article>
        <h2 id="helm">Helm in practice</h2>
        <p>We deploy to Kubernetes with Helm; the <code>helm</code> client talks to the cluster.</p>
        <p>The <a href="https://kubernetes.io/">Kubernetes site</a> explains Pods. <img src="k.png" alt="Kubernetes logo"> Linkerd &amp; Istio both run there.</p>
        <pre><code>istioctl install   # Istio
        </code></pre>
        </article>
        </body>
        </html>

        """;
}

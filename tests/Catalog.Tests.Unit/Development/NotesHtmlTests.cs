using Catalog.Api.Development;
using Catalog.Ingest.Notes;

namespace Catalog.Tests.Development;

public sealed class NotesHtmlTests
{
    [Fact]
    public void Headings_nested_lists_quotes_and_paragraphs_render_as_html()
    {
        var html = NotesHtml.Render("""
            ## Title
            Intro line
            second line

            - one
              - nested
            - two
                > quoted
            after
            """);
        Assert.Equal("""
            <h2>Title</h2>
            <p>Intro line<br>
            second line</p>
            <ul>
            <li>one<ul>
            <li>nested</li></ul>
            </li>
            <li>two</li></ul>
            <blockquote><p>quoted</p></blockquote>
            <p>after</p>

            """.Replace("\r\n", "\n", StringComparison.Ordinal), html);
    }

    [Fact]
    public void Text_is_escaped_and_only_urls_become_links()
    {
        var html = NotesHtml.Render("<script>alert('x')</script> & see https://example.com/a?b=1&c=\"2\"、続き");
        Assert.Equal(
            "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; see <a href=\"https://example.com/a?b=1&amp;c=\">https://example.com/a?b=1&amp;c=</a>&quot;2&quot;、続き</p>\n",
            html);
        Assert.Equal("<h1>a &lt;b&gt;</h1>\n", NotesHtml.Render("# a <b>"));
        Assert.Equal("<pre><code>&lt;x&gt; - not a list</code></pre>\n", NotesHtml.Render("```\n<x> - not a list\n```"));
    }

    [Fact]
    public void Headings_and_addresses_are_the_ones_the_importer_reads()
    {
        // A heading is what NotesParser calls one: indented up to three spaces, a closing run of '#' dropped, "C#" kept.
        foreach (var line in (string[])["## C#", "   ### Title ###", "#\tTab"])
        {
            var (level, title) = NotesParser.HeadingOf(line)!.Value;
            Assert.Equal(FormattableString.Invariant($"<h{level}>{title}</h{level}>\n"), NotesHtml.Render(line));
        }
        Assert.Equal("<p>#5 is not a heading</p>\n", NotesHtml.Render("#5 is not a heading"));

        // An address is one that UrlSpans finds, without the punctuation or parenthesis that closes the sentence around it.
        Assert.Equal(
            "<p>(see <a href=\"https://en.wikipedia.org/wiki/Go_(language)\">https://en.wikipedia.org/wiki/Go_(language)</a>).</p>\n",
            NotesHtml.Render("(see https://en.wikipedia.org/wiki/Go_(language))."));
        var line2 = "詳細はhttps://example.com/x、続き";
        var address = Assert.Single(UrlSpans.WebAddresses(line2));
        Assert.Equal(address.Start, Assert.Single(UrlSpans.Find(line2)).Start);
        Assert.Equal("https://example.com/x", line2[address.Start..address.End]);
    }
}

using Catalog.Api.Widget;

namespace Catalog.Tests.Widget;

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
}

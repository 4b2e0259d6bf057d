using System.Text;
using Catalog.Api.Snapshot;
using Catalog.Api.Widget;

namespace Catalog.Api.Development;

/// <summary>
/// Demo pages with the glossary widget on: <c>/demo</c> renders the seed notes (Japanese) as a Hatena-style blog post
/// (<c>?lang=en</c> asks the widget for English); <c>/demo/en</c> is an English page with other markup (a
/// <c>main</c> without an article, code, links, headings, form fields, an element with an event handler);
/// <c>/demo/long</c> is a long English post (<see cref="DemoLongPost"/>), on which the widget's budgets are measured.
/// </summary>
public sealed class DemoPage(CatalogSnapshots snapshots, WidgetAssets widget)
{
    private const string Style = """
        body { max-width: 46rem; margin: 0 auto; padding: 1rem; font: 16px/1.8 system-ui, sans-serif; color: #222; background: #fff; }
        a { color: #0b57d0; }
        blockquote { margin: 1em 0; padding-left: 1em; border-left: 4px solid #888; }
        pre { padding: .75em; overflow-x: auto; background: #f1f1f1; }
        @media (prefers-color-scheme: dark) {
          body { color: #e8e8e8; background: #121212; }
          a { color: #8ab4f8; }
          pre { background: #262626; }
        }
        """;

    public async Task WriteNotesAsync(HttpContext http)
    {
        var widgetLang = http.Request.Query["lang"] == "en" ? "en" : "ja";
        var catalog = await snapshots.GetAsync(http.RequestAborted);
        var notes = catalog.DocumentsInOrder.FirstOrDefault(d => d.Language.StartsWith("ja", StringComparison.Ordinal));
        if (notes is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            await http.Response.WriteAsync("No notes are imported yet.", http.RequestAborted);
            return;
        }
        var byline = string.Join(" · ", new[] { notes.Author, notes.PublishedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }.OfType<string>());
        var page = new StringBuilder()
            .Append("<!doctype html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(NotesHtml.Escape(notes.Title)).Append("</title>\n")
            .Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<header><p>").Append(NotesHtml.Escape(notes.Blog ?? "Catalog demo")).Append("</p></header>\n")
            .Append("<main>\n<p class=\"entry-meta\">").Append(NotesHtml.Escape(byline)).Append("</p>\n")
            .Append("<article class=\"entry-content\">\n").Append(NotesHtml.Render(notes.Content)).Append("</article>\n</main>\n")
            .Append("<footer><p>The glossary widget demo: hover, focus or tap an underlined term.</p></footer>\n")
            .Append(ScriptTag(widgetLang, ""))
            .Append("</body>\n</html>\n");
        await WriteAsync(http, page.ToString(), strict: true);
    }

    public Task WriteEnglishAsync(HttpContext http)
    {
        var page = $$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Running Kubernetes with Istio - Catalog widget demo</title>
            <style>{{Style}}</style>
            </head>
            <body>
            <main>
            <h1>Running Kubernetes with Istio</h1>
            <p id="intro">We run Kubernetes in production. Istio adds a service mesh, with Envoy as its proxy, and Prometheus keeps the metrics.</p>
            <p id="boundaries">A Dockerfile is not Docker, and Kubernetesish is not a word; but docker, in lower case, is Docker.</p>
            <p id="links">The <a id="istio-link" href="https://istio.io/">Istio documentation</a> and <a href="https://helm.sh/">Helm charts</a> are links, left alone.</p>
            <pre id="code"><code>kubectl apply -f istio.yaml   # Kubernetes and Envoy in code</code></pre>
            <p id="inline-code">Inline <code>containerd</code> is code; containerd in text is not.</p>
            <h2 id="heading">Why Calico?</h2>
            <p id="clickable">Calico and flannel are both network plugins (click this paragraph).</p>
            <p><label for="search">Search the text</label> <input id="search" type="text" value="Kubernetes"></p>
            <p><textarea id="notes" aria-label="Notes">Istio in a textarea</textarea></p>
            <div id="editable" contenteditable="true" aria-label="Editable">Spinnaker in an editable area</div>
            <p><button id="button" type="button">Helm</button></p>
            <p id="again">Kubernetes again: only the first occurrence is marked by default.</p>
            </main>
            <script>
            window.demoClicks = 0;
            window.demoClickable = document.getElementById("clickable");
            window.demoClickable.addEventListener("click", function () { window.demoClicks++; });
            </script>
            {{ScriptTag(http.Request.Query["lang"] == "ja" ? "ja" : "en", "data-mode=\"first\"")}}
            </body>
            </html>

            """;
        return WriteAsync(http, page, strict: false);
    }

    public Task WriteLongAsync(HttpContext http)
    {
        var page = new StringBuilder()
            .Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(NotesHtml.Escape(DemoLongPost.Title)).Append(" - Catalog widget demo</title>\n")
            .Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<main>\n<article class=\"post-content\">\n").Append(DemoLongPost.Article).Append("\n</article>\n</main>\n")
            .Append(ScriptTag(http.Request.Query["lang"] == "ja" ? "ja" : "en", ""))
            .Append("</body>\n</html>\n");
        return WriteAsync(http, page.ToString(), strict: true);
    }

    private string ScriptTag(string lang, string attributes) =>
        $"<script src=\"{NotesHtml.Escape(widget.VersionedPath)}\" data-lang=\"{lang}\" {attributes} defer></script>\n";

    private static async Task WriteAsync(HttpContext http, string html, bool strict)
    {
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        // The notes page runs under a strict policy, as a blog might: the widget needs no inline script and no other origin.
        if (strict)
            http.Response.Headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";
        await http.Response.WriteAsync(html, http.RequestAborted);
    }
}

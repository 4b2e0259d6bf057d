using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Catalog.Tests.Browser;

/// <summary>
/// The glossary widget in Chromium: on <c>/demo</c> (the seed notes as a Japanese blog post) and <c>/demo/en</c>
/// (English, other markup: code, links, headings, form fields, an event handler).
/// </summary>
public sealed class WidgetTests(WidgetBrowser browser, ITestOutputHelper output) : IClassFixture<WidgetBrowser>
{
    private const string Tip = "#cg-glossary-tip";

    private static Task<string[]> SlugsAsync(IPage page, string scope) =>
        page.EvalOnSelectorAllAsync<string[]>($"{scope} .cg-term", "terms => terms.map(t => t.dataset.cgSlug)");

    private static Task<int> CountAsync(IPage page, string selector) =>
        page.EvalOnSelectorAllAsync<int>(selector, "nodes => nodes.length");

    [Fact]
    public async Task The_demo_post_has_its_japanese_and_ascii_terms_annotated_once_and_none_in_headings_or_links()
    {
        var page = await browser.OpenAnnotatedAsync("demo");
        var slugs = await SlugsAsync(page, "article.entry-content");
        // ASCII names, Japanese words inside Japanese text (no spaces around them), and aliases (k8s).
        Assert.Contains("kubernetes", slugs);
        Assert.Contains("machine-learning", slugs);   // 機械学習
        Assert.Contains("load-balancer", slugs);      // ロードバランサー
        Assert.Contains("containerd", slugs);
        Assert.Contains("istio", slugs);
        Assert.Contains("spinnaker", slugs);
        // data-mode defaults to first: each technology once.
        Assert.Equal(slugs.Length, slugs.Distinct().Count());

        Assert.Equal(0, await CountAsync(page, "a .cg-term, code .cg-term, pre .cg-term, h1 .cg-term, h2 .cg-term, h3 .cg-term"));
        // The autolinked URL in the notes is still one intact link.
        Assert.Equal("https://www.iopipe.com/", await page.GetAttributeAsync("article a[href^='https://www.iopipe']", "href"));
        // Every term is focusable and carries only its text.
        Assert.True(await page.EvalOnSelectorAllAsync<bool>(".cg-term", "ts => ts.every(t => t.tabIndex === 0 && t.children.length === 0)"));

        var ms = await page.EvaluateAsync<double>("() => window.__catalogGlossary.lastAnnotateMs");
        var count = await page.EvaluateAsync<int>("() => window.__catalogGlossary.annotated");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Annotated {count} terms on /demo in {ms:F1} ms"));
        Assert.Equal(slugs.Length, count);
    }

    [Fact]
    public async Task On_other_markup_terms_are_found_on_word_boundaries_and_never_in_code_links_headings_or_form_fields()
    {
        var page = await browser.OpenAnnotatedAsync("demo/en");
        Assert.Equal("MAIN", await page.EvaluateAsync<string>("() => document.querySelector('[data-cg-glossary]').tagName"));
        Assert.Equal(["kubernetes", "istio", "service-mesh", "envoy", "prometheus"], await SlugsAsync(page, "#intro"));

        // "Kubernetesish" is not Kubernetes; "docker" in lower case is Docker (terms ignore case unless marked).
        var boundaries = await page.EvalOnSelectorAllAsync<string[]>("#boundaries .cg-term", "ts => ts.map(t => t.textContent)");
        Assert.DoesNotContain(boundaries, t => t.StartsWith("Kubernetes", StringComparison.Ordinal));
        Assert.Contains("Docker", boundaries);
        Assert.Contains("Kubernetesish", await page.TextContentAsync("#boundaries"));

        foreach (var untouched in new[] { "#code", "#links a", "#heading", "#editable", "#button" })
            Assert.Equal(0, await CountAsync(page, $"{untouched} .cg-term"));
        Assert.Equal(0, await CountAsync(page, "code .cg-term"));
        Assert.Equal(["containerd"], await SlugsAsync(page, "#inline-code"));
        Assert.Equal("Kubernetes", await page.InputValueAsync("#search"));
        Assert.Equal("Istio in a textarea", await page.InputValueAsync("#notes"));
        Assert.Equal("https://istio.io/", await page.GetAttributeAsync("#istio-link", "href"));
        Assert.Equal("Istio documentation", await page.TextContentAsync("#istio-link"));

        // The page's own element and its click handler survive: a click on a term inside it still reaches it.
        Assert.Equal(["calico", "flannel"], await SlugsAsync(page, "#clickable"));
        await page.ClickAsync("#clickable .cg-term >> nth=0");
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.demoClicks"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('clickable') === window.demoClickable"));

        // Only the first occurrence by default.
        Assert.Equal(0, await CountAsync(page, "#again .cg-term"));
    }

    [Fact]
    public async Task Hover_shows_the_tooltip_which_stays_while_the_pointer_is_on_it_and_escape_or_leaving_hides_it()
    {
        var page = await browser.OpenAnnotatedAsync("demo/en");
        var term = page.Locator("#intro .cg-term[data-cg-slug=istio]");
        await term.HoverAsync();
        var tip = page.Locator(Tip);
        await Assertions.Expect(tip).ToBeVisibleAsync();
        Assert.Equal("tooltip", await tip.GetAttributeAsync("role"));
        Assert.Equal("cg-glossary-tip", await term.GetAttributeAsync("aria-describedby"));
        Assert.StartsWith("Istio", await tip.Locator(".cg-name").TextContentAsync(), StringComparison.Ordinal);
        Assert.NotEmpty((await tip.Locator(".cg-def").TextContentAsync())!);
        Assert.Contains("Service Mesh", await tip.Locator(".cg-cats").TextContentAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(await tip.Locator("a").GetAttributeAsync("href"));

        // Hoverable: onto the tooltip, it stays.
        await tip.HoverAsync();
        await page.WaitForTimeoutAsync(600);
        await Assertions.Expect(tip).ToBeVisibleAsync();

        // Dismissible without moving the pointer.
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(tip).ToHaveCountAsync(0);
        Assert.Null(await term.GetAttributeAsync("aria-describedby"));

        // Leaving the term for the page hides it.
        await term.HoverAsync();
        await Assertions.Expect(tip).ToBeVisibleAsync();
        await page.Mouse.MoveAsync(5, 5);
        await Assertions.Expect(tip).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Keyboard_focus_shows_the_tooltip_escape_hides_it_and_blur_hides_it()
    {
        var page = await browser.OpenAnnotatedAsync("demo/en");
        var term = page.Locator("#intro .cg-term").First;
        var tip = page.Locator(Tip);
        await term.FocusAsync();
        await Assertions.Expect(tip).ToBeVisibleAsync();
        Assert.StartsWith("Kubernetes", await tip.Locator(".cg-name").TextContentAsync(), StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(tip).ToHaveCountAsync(0);
        Assert.True(await term.EvaluateAsync<bool>("t => t === document.activeElement"), "Escape keeps the focus on the term");

        // Tab reaches the tooltip's link (it follows the term), the next Tab the next term with its own tooltip.
        await term.BlurAsync();
        await term.FocusAsync();
        await Assertions.Expect(tip).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.matches('#cg-glossary-tip a')"), "Tab moves into the tooltip's link");
        await Assertions.Expect(tip).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("istio", await page.EvaluateAsync<string>("() => document.activeElement.dataset.cgSlug"));
        await Assertions.Expect(tip).ToBeVisibleAsync();
        Assert.StartsWith("Istio", await tip.Locator(".cg-name").TextContentAsync(), StringComparison.Ordinal);
        await page.FocusAsync("#search");
        await Assertions.Expect(tip).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_tooltip_stays_inside_the_viewport_flipping_above_a_term_at_the_bottom()
    {
        var page = await browser.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 420, Height = 500 } });
        await page.GotoAsync(browser.Url("demo").ToString());
        await WidgetBrowser.WaitForWidgetAsync(page);
        foreach (var (block, placement) in new[] { ("end", "above"), ("start", "below") })
        {
            await page.EvaluateAsync(
                "block => { const t = [...document.querySelectorAll('.cg-term')].at(-1); t.blur(); t.scrollIntoView({ block }); t.focus({ preventScroll: true }); }", block);
            var tip = page.Locator(Tip);
            await Assertions.Expect(tip).ToBeVisibleAsync();
            Assert.Equal(placement, await tip.GetAttributeAsync("data-placement"));
            var box = (await tip.BoundingBoxAsync())!;
            Assert.InRange(box.X, 0, 420 - box.Width);
            Assert.InRange(box.Y, 0, 500 - box.Height);
            await page.Keyboard.PressAsync("Escape");
        }
    }

    [Fact]
    public async Task On_a_touch_screen_a_tap_toggles_the_tooltip_and_a_tap_elsewhere_closes_it()
    {
        var page = await browser.OpenAnnotatedAsync("demo/en", new BrowserNewContextOptions { HasTouch = true, IsMobile = true, ViewportSize = new ViewportSize { Width = 390, Height = 800 } });
        var term = page.Locator("#intro .cg-term[data-cg-slug=envoy]");
        var tip = page.Locator(Tip);
        await term.TapAsync();
        await Assertions.Expect(tip).ToBeVisibleAsync();
        Assert.StartsWith("Envoy", await tip.Locator(".cg-name").TextContentAsync(), StringComparison.Ordinal);
        await term.TapAsync();
        await Assertions.Expect(tip).ToHaveCountAsync(0);
        await term.TapAsync();
        await Assertions.Expect(tip).ToBeVisibleAsync();
        await page.Locator("#again").TapAsync();
        await Assertions.Expect(tip).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Axe_finds_no_violation_on_the_demo_post_with_a_tooltip_open(ColorScheme scheme)
    {
        var page = await browser.OpenAnnotatedAsync("demo", new BrowserNewContextOptions { ColorScheme = scheme, BypassCSP = true });
        await page.Locator("article .cg-term[data-cg-slug=kubernetes]").FocusAsync();
        await Assertions.Expect(page.Locator(Tip)).ToBeVisibleAsync();
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = WidgetBrowser.AxeScriptPath });
        var result = await page.EvaluateAsync<JsonElement>("async () => (await axe.run()).violations.map(v => ({ id: v.id, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }))");
        Assert.True(result.GetArrayLength() == 0, $"axe violations ({scheme}): {result}");
        await Assertions.Expect(page.Locator(Tip)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Data_lang_switches_the_language_of_the_tooltips()
    {
        async Task<(string Definition, string Talks)> KubernetesAsync(string path)
        {
            var page = await browser.OpenAnnotatedAsync(path);
            await page.Locator(".cg-term[data-cg-slug=kubernetes]").FocusAsync();
            var tip = page.Locator(Tip);
            await Assertions.Expect(tip).ToBeVisibleAsync();
            return ((await tip.Locator(".cg-def").TextContentAsync())!, (await tip.Locator(".cg-talks").TextContentAsync())!);
        }

        var ja = await KubernetesAsync("demo");
        var en = await KubernetesAsync("demo?lang=en");
        Assert.StartsWith("コンテナ化したアプリケーション", ja.Definition, StringComparison.Ordinal);
        Assert.StartsWith("この技術を扱った講演", ja.Talks, StringComparison.Ordinal);
        Assert.StartsWith("Open-source system that deploys", en.Definition, StringComparison.Ordinal);
        Assert.StartsWith("Talks that covered it", en.Talks, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_definition_composed_from_facts_is_shown_as_such_and_a_written_one_is_not()
    {
        // A technology no one has defined whose name links in text, found in the glossary as a client would.
        using var http = new HttpClient { BaseAddress = browser.Service.Address };
        using var response = await http.PostAsync("/graphql", new StringContent(
            """{"query":"{ glossary(lang: EN) { slug terms caseSensitiveTerms definition definitionSource } }"}""", System.Text.Encoding.UTF8, "application/json"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var composed = json.RootElement.GetProperty("data").GetProperty("glossary").EnumerateArray()
            .First(e => e.GetProperty("definitionSource").GetString() == "FACTS" && e.GetProperty("caseSensitiveTerms").GetArrayLength() > 0);
        var term = composed.GetProperty("caseSensitiveTerms")[0].GetString()!;
        var script = JsonDocument.Parse(await http.GetStringAsync("/widget/version")).RootElement.GetProperty("script").GetString();

        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.Url("/widget/version").ToString());
        await page.SetContentAsync($"""
            <html lang="en"><body><main><article><p>We run Istio, and we tried {System.Net.WebUtility.HtmlEncode(term)} last year.</p></article></main>
            <script src="{script}" data-lang="en"></script></body></html>
            """);
        await WidgetBrowser.WaitForWidgetAsync(page);
        var tip = page.Locator(Tip);

        await page.Locator($".cg-term[data-cg-slug='{composed.GetProperty("slug").GetString()}']").FocusAsync();
        await Assertions.Expect(tip).ToBeVisibleAsync();
        Assert.Equal(composed.GetProperty("definition").GetString(), await tip.Locator(".cg-def").TextContentAsync());
        Assert.Equal("Composed from the catalog's facts", await tip.Locator(".cg-facts").TextContentAsync());

        await page.Locator(".cg-term[data-cg-slug=istio]").FocusAsync();
        await Assertions.Expect(tip.Locator(".cg-def")).ToContainTextAsync("service mesh");
        Assert.Equal(0, await tip.Locator(".cg-facts").CountAsync());
    }

    /// <summary>A page of the blog's own, at the service's origin, with the widget's script.</summary>
    private async Task<IPage> OpenPageAsync(string article, Func<IPage, Task>? before = null, string mode = "first")
    {
        using var http = new HttpClient { BaseAddress = browser.Service.Address };
        var script = JsonDocument.Parse(await http.GetStringAsync("/widget/version")).RootElement.GetProperty("script").GetString();
        var page = await browser.NewPageAsync();
        if (before is not null) await before(page);
        await page.GotoAsync(browser.Url("/widget/version").ToString());
        await page.SetContentAsync($"""
            <html lang="en"><body><main><article>{article}</article></main>
            <script src="{script}" data-lang="en" data-mode="{mode}"></script></body></html>
            """);
        await WidgetBrowser.WaitForWidgetAsync(page);
        return page;
    }

    private const string HelmArticle = """
        <p id="everyday">The captain took the helm as the wind picked up.</p>
        <p id="technical">We package the app as a Helm chart and deploy it to Kubernetes.</p>
        <p id="alone">We deploy with Helm and Kubernetes.</p>
        """;

    private static Task<string[]> TextsAsync(IPage page, string scope) =>
        page.EvalOnSelectorAllAsync<string[]>($"{scope} .cg-term", "ts => ts.map(t => t.textContent)");

    [Fact]
    public async Task An_ambiguous_name_is_underlined_only_where_the_service_decides_it_means_the_technology()
    {
        var links = new List<string>();
        Task Watch(IPage p)
        {
            p.Request += (_, request) => { if (request.Url.Contains("/widget/links/", StringComparison.Ordinal)) links.Add(request.Method); };
            return Task.CompletedTask;
        }

        // An everyday post: one request asks, and the helm stays plain.
        var everyday = await OpenPageAsync("""
            <p id="everyday">The captain took the helm as the wind picked up.</p>
            <p>By noon the harbour was behind us and the sails were full.</p>
            """, Watch);
        Assert.Equal(["POST"], links);
        Assert.Equal(0, await CountAsync(everyday, "article .cg-term"));
        Assert.Equal("The captain took the helm as the wind picked up.", await everyday.TextContentAsync("#everyday"));

        // A technical post: Helm is underlined, in "Helm chart" (a name of its own) and alone, next to Kubernetes.
        var technical = await OpenPageAsync("""
            <p id="technical">We package the app as a Helm chart and deploy it to Kubernetes.</p>
            <p id="alone">We deploy with Helm and Kubernetes.</p>
            """);
        Assert.Equal(["Helm chart", "Kubernetes"], await TextsAsync(technical, "#technical"));
        Assert.Equal(["Helm"], await TextsAsync(technical, "#alone"));
        Assert.Equal(["helm"], await SlugsAsync(technical, "#alone"));
        Assert.Equal(1, await technical.EvaluateAsync<int>("() => window.__catalogGlossary.decided"));
        await technical.Locator("#alone .cg-term").FocusAsync();
        await Assertions.Expect(technical.Locator(Tip).Locator(".cg-name")).ToHaveTextAsync("Helm");
    }

    [Fact]
    public async Task On_a_page_of_both_the_underlines_are_the_services_decisions_for_the_page()
    {
        // The decision reads the whole page, as the importer reads a whole write-up: the widget underlines an ambiguous
        // name exactly where the service, asked about the same blocks, says it links (every occurrence, here).
        var page = await OpenPageAsync(HelmArticle, mode: "all");
        using var http = new HttpClient { BaseAddress = browser.Service.Address };
        var version = JsonDocument.Parse(await http.GetStringAsync("/widget/version")).RootElement;
        string[] blocks =
        [
            "The captain took the helm as the wind picked up.",
            "We package the app as a Helm chart and deploy it to Kubernetes.",
            "We deploy with Helm and Kubernetes.",
        ];
        using var response = await http.PostAsync(version.GetProperty("links").GetString(),
            new StringContent(JsonSerializer.Serialize(new { blocks }), System.Text.Encoding.UTF8, "text/plain"));
        var links = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("links");
        var ids = new[] { "#everyday", "#technical", "#alone" };
        for (var block = 0; block < blocks.Length; block++)
        {
            var decided = links[block].EnumerateArray().Select(s => blocks[block].Substring(s[0].GetInt32(), s[1].GetInt32())).ToList();
            var underlined = await TextsAsync(page, ids[block]);
            foreach (var text in decided) Assert.Contains(text, underlined);
            Assert.All(underlined.Where(t => t.Equals("helm", StringComparison.OrdinalIgnoreCase)), t => Assert.Contains(t, decided));
        }
    }

    [Fact]
    public async Task When_the_service_cannot_decide_no_ambiguous_name_is_underlined_and_the_others_are()
    {
        var page = await OpenPageAsync(HelmArticle, p => p.RouteAsync("**/widget/links/**", route => route.AbortAsync()));
        Assert.Equal(0, await CountAsync(page, "#everyday .cg-term, #alone .cg-term"));
        // The unambiguous names are underlined as ever: "Helm chart" and the first Kubernetes.
        Assert.Equal(["helm-chart", "kubernetes"], await SlugsAsync(page, "#technical"));
        Assert.Contains("/widget/links/", await page.EvaluateAsync<string>("() => window.__catalogGlossary.linksError"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loading_the_script_twice_changes_nothing()
    {
        var page = await browser.OpenAnnotatedAsync("demo");
        var before = await page.InnerHTMLAsync("body");
        var src = await page.GetAttributeAsync("script[data-lang]", "src");
        // The same tag again, and a copy at another URL that runs even after its global flag is gone: the
        // container's own mark still stops it.
        await page.EvaluateAsync(
            """
            async src => {
              const load = url => new Promise((resolve, reject) => {
                const s = document.createElement('script');
                s.src = url; s.dataset.lang = 'ja'; s.onload = resolve; s.onerror = reject;
                document.body.appendChild(s);
              });
              await load(src);
              delete window.__catalogGlossary;
              await load(src + (src.includes('?') ? '&' : '?') + 'again=1');
              await new Promise(r => setTimeout(r, 1000));
              document.querySelectorAll('script[data-lang]:not(:first-of-type)').forEach(s => s.remove());
            }
            """, src);
        Assert.Equal(1, await CountAsync(page, "#cg-glossary-style"));
        Assert.Equal(0, await CountAsync(page, ".cg-term .cg-term"));
        var after = await page.InnerHTMLAsync("body");
        Assert.Equal(Strip(before), Strip(after));

        static string Strip(string html) => System.Text.RegularExpressions.Regex.Replace(html, "<script[^>]*></script>", "");
    }

    [Fact]
    public async Task A_page_downloads_the_index_and_the_definitions_of_its_terms_once_and_a_repeat_view_almost_nothing()
    {
        var context = await browser.Browser.NewContextAsync();
        var first = await browser.ViewAsync(context, "demo");
        var definitions = first.Requests.Single(r => r.Path.StartsWith("/widget/definitions/", StringComparison.Ordinal));
        // One request for just the technologies underlined, ids ascending (pages with the same terms share its URL).
        var ids = definitions.Path.Split("ids=")[1].Split(',').Select(int.Parse).ToList();
        Assert.Equal(ids.Order(), ids);
        var underlined = await first.Page.EvalOnSelectorAllAsync<string[]>(".cg-term", "ts => ts.map(t => t.dataset.cgId)");
        Assert.Equal(underlined.Select(int.Parse).Distinct().Order(), ids);
        Assert.Single(first.Requests, r => r.Path.StartsWith("/widget/index/", StringComparison.Ordinal) && r.Bytes > 1000);

        var repeat = await browser.ViewAsync(context, "demo");
        Assert.True(repeat.Bytes <= 2048, $"the repeat view transferred {repeat.Bytes} bytes: {repeat}");
        Assert.Equal(underlined.Length, await repeat.Page.Locator(".cg-term").CountAsync());
        output.WriteLine($"/demo: first view {first.Bytes} bytes ({first}); repeat view {repeat.Bytes} bytes ({repeat})");
    }
}

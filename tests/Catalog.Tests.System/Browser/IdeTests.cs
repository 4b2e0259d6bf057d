using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Catalog.Tests.Browser;

/// <summary>
/// The GraphiQL IDE as a person meets it: the service run as its own process, Debian's Chromium driven by
/// Playwright (never a downloaded browser) opening <c>/graphql</c>.
/// </summary>
public sealed class IdeTests(IdeBrowser ide, ITestOutputHelper output) : IClassFixture<IdeBrowser>
{
    // Generous: the 6 MB bundle is parsed on a 2-core machine that may be running the rest of the suite.
    private static readonly LocatorAssertionsToContainTextOptions Patiently = new() { Timeout = 20_000 };
    private static readonly PageGotoOptions Loading = new() { Timeout = 60_000 };

    // The graph view's bundle, at its plain or its fingerprinted URL (ide-graph-view.<fingerprint>.js).
    private const string GraphChunk = "/graphql-ide/ide-graph-view.";

    private static readonly string[] RootFields = ["technology", "technologies", "path", "search", "talks", "glossary"];

    [Fact]
    public async Task The_ide_opens_on_graphql_runs_the_first_example_and_shows_the_docs_without_leaving_the_service()
    {
        var clock = Stopwatch.StartNew();
        await using var ide1 = await ide.NewPageAsync();
        var page = ide1.Page;
        await WithEvidenceAsync(page, async () =>
        {
            var response = await page.GotoAsync(new Uri(ide.Service.Address, "graphql").ToString(), Loading);
            Assert.Equal(200, response!.Status);
            Assert.StartsWith("text/html", await response.HeaderValueAsync("content-type") ?? "", StringComparison.Ordinal);

            // GraphiQL mounted, with the first example and its variables in the editors.
            await Expect(OperationEditor(page)).ToContainTextAsync("query WhichTalksCoveredIt", Patiently);
            await Expect(page.GetByRole(AriaRole.Region, new PageGetByRoleOptions { Name = "Variables", Exact = true })).ToContainTextAsync("\"concurse ci\"", Patiently);
            output.WriteLine($"IDE ready after {clock.Elapsed.TotalSeconds:F1} s");

            // Run it with the execute button and read the answer in the response pane.
            var answer = await RunAsync(page, "WhichTalksCoveredIt");
            Assert.Equal(200, answer.Status);
            var result = Result(page);
            await Expect(result).ToContainTextAsync("\"name\": \"Concourse\"", Patiently);
            await Expect(result).ToContainTextAsync(Wrapped("\"title\": \"Yahoo!JAPANのkubernets-as-a-serviceで開発するアプリケーション開発\""));
            await Expect(result).ToContainTextAsync(Wrapped("\"lineText\": \"- concurse ci使っている\""));
            await Expect(result).Not.ToContainTextAsync("\"errors\"");

            // The docs explorer, from the schema's introspection: the root type, then its fields.
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Show Documentation Explorer" }).ClickAsync();
            var docs = page.GetByRole(AriaRole.Region, new PageGetByRoleOptions { Name = "Documentation Explorer", Exact = true });
            await Expect(docs).ToContainTextAsync("Root Types", Patiently);
            var queryType = docs.Locator("a.graphiql-doc-explorer-type-name", new LocatorLocatorOptions { HasTextString = "Query" }).First;
            await Expect(queryType).ToHaveTextAsync("Query");
            await queryType.ClickAsync();
            await Expect(docs.Locator("a.graphiql-doc-explorer-field-name", new LocatorLocatorOptions { HasTextString = "technology" }).First).ToBeVisibleAsync();

            // The history remembers the operation just run.
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Show History" }).ClickAsync();
            await Expect(page.Locator(".graphiql-history")).ToContainTextAsync("WhichTalksCoveredIt", Patiently);
        });

        output.WriteLine($"done after {clock.Elapsed.TotalSeconds:F1} s; requests:\n{string.Join('\n', ide1.Requests)}");
        Assert.Contains(ide1.Requests, url => Regex.IsMatch(url, @"/graphql-ide/ide\.[0-9a-z]+\.js$"));
        Assert.Contains(ide1.Requests, url => Regex.IsMatch(url, @"/graphql-ide/ide\.[0-9a-z]+\.css$"));
        // The graph view's bundle is not part of the first load: it comes when its panel opens.
        Assert.DoesNotContain(ide1.Requests, url => url.Contains(GraphChunk, StringComparison.Ordinal));
        AssertAllLocal(ide1);
    }

    [Fact]
    public async Task The_graph_view_draws_istios_neighbourhood_and_a_click_on_a_node_opens_its_own_in_a_new_tab()
    {
        var clock = Stopwatch.StartNew();
        await using var ide1 = await ide.NewPageAsync();
        var page = ide1.Page;
        await WithEvidenceAsync(page, async () =>
        {
            await OpenIdeAsync(page);
            await RunExampleAsync(page, "IstioNeighbourhood", "\"name\": \"Envoy\"");
            Assert.DoesNotContain(ide1.Requests, url => url.Contains(GraphChunk, StringComparison.Ordinal));

            // The panel's bundle is fetched when the panel opens, by its fingerprinted URL, and draws the result.
            var panel = await OpenGraphViewAsync(page);
            Assert.Contains(ide1.Requests, url => Regex.IsMatch(url, @"/graphql-ide/ide-graph-view\.[0-9a-z]+\.js$"));
            await SettledAsync(panel);
            output.WriteLine($"graph drawn after {clock.Elapsed.TotalSeconds:F1} s");

            // The text alternative: Istio and Envoy among the nodes, the relation between them among the edges.
            var nodes = panel.GetByRole(AriaRole.List, new LocatorGetByRoleOptions { NameRegex = new Regex(@"^\d+ nodes$") });
            await Expect(nodes.GetByRole(AriaRole.Listitem).Filter(new LocatorFilterOptions { HasTextString = "Technology: Istio" })).ToHaveCountAsync(1);
            await Expect(nodes.GetByRole(AriaRole.Listitem).Filter(new LocatorFilterOptions { HasTextString = "Technology: Envoy" })).ToHaveCountAsync(1);
            await Expect(nodes.GetByRole(AriaRole.Listitem).Filter(new LocatorFilterOptions { HasTextString = "Category: " }).First).ToBeAttachedAsync();
            await Expect(nodes.GetByRole(AriaRole.Listitem).Filter(new LocatorFilterOptions { HasTextString = "Talk: " }).First).ToBeAttachedAsync();
            var edges = panel.GetByRole(AriaRole.List, new LocatorGetByRoleOptions { NameRegex = new Regex(@"^\d+ edges$") });
            await Expect(edges.GetByRole(AriaRole.Listitem).Filter(new LocatorFilterOptions { HasTextString = "Istio (Technology) uses Envoy (Technology)" })).ToHaveCountAsync(1);

            // The drawing has the same nodes, as buttons, one of them in the tab order; the arrow keys move between them.
            var graph = panel.GetByRole(AriaRole.Group, new LocatorGetByRoleOptions { NameRegex = new Regex("^Graph of the result") });
            var drawnNodes = graph.GetByRole(AriaRole.Button);
            Assert.Equal(await nodes.GetByRole(AriaRole.Listitem).CountAsync(), await drawnNodes.CountAsync());
            await Expect(graph.Locator("[role=button][tabindex='0']")).ToHaveCountAsync(1);
            var istio = graph.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Istio (Technology): open its neighbourhood in a new tab" });
            await istio.FocusAsync();
            await page.Keyboard.PressAsync("ArrowRight");
            var focused = await page.EvaluateAsync<string?>("() => document.activeElement?.getAttribute('aria-label')");
            Assert.True(focused is not null && focused != await istio.GetAttributeAsync("aria-label") && focused.EndsWith(": open its neighbourhood in a new tab", StringComparison.Ordinal),
                $"The arrow key left the focus on {focused ?? "nothing"}");
            await Expect(graph.Locator("[role=button][tabindex='0']")).ToHaveCountAsync(1);

            // A click on Envoy opens its neighbourhood in a new tab, which runs and is drawn in turn.
            var tabs = page.Locator(".graphiql-tab");
            var tabsBefore = await tabs.CountAsync();
            await graph.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Envoy (Technology): open its neighbourhood in a new tab" }).ClickAsync();
            await Expect(tabs).ToHaveCountAsync(tabsBefore + 1);
            var active = page.Locator(".graphiql-tab-active");
            await Expect(active).ToContainTextAsync("EnvoyNeighbourhood", Patiently);
            await Expect(OperationEditor(page)).ToContainTextAsync("technology(slug: \"envoy\")", Patiently);
            await Expect(Result(page)).ToContainTextAsync("\"slug\": \"envoy\"", Patiently);
            await Expect(Result(page)).Not.ToContainTextAsync("\"errors\"");
            await Expect(edges.GetByRole(AriaRole.Listitem).Filter(new LocatorFilterOptions { HasTextString = "Istio (Technology) uses Envoy (Technology)" })).ToHaveCountAsync(1, new() { Timeout = 20_000 });
            await SettledAsync(panel);
            await Expect(page.Locator(".catalog-graph-notice")).ToHaveTextAsync("Opened Envoy's neighbourhood in a new tab.");

            // Enter on a focused node does the same.
            await graph.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Istio (Technology): open its neighbourhood in a new tab" }).FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(tabs).ToHaveCountAsync(tabsBefore + 2);
            await Expect(active).ToContainTextAsync("IstioNeighbourhood", Patiently);
            await Expect(OperationEditor(page)).ToContainTextAsync("technology(slug: \"istio\")", Patiently);
        });
        output.WriteLine($"done after {clock.Elapsed.TotalSeconds:F1} s");
        AssertAllLocal(ide1);
    }

    [Fact]
    public async Task The_graph_view_draws_a_path_in_order_and_says_when_a_result_is_too_large_to_draw_whole()
    {
        await using var ide1 = await ide.NewPageAsync();
        var page = ide1.Page;
        await WithEvidenceAsync(page, async () =>
        {
            await OpenIdeAsync(page);
            var answer = await RunExampleAsync(page, "CalicoToEnvoy", "\"via\"");
            var panel = await OpenGraphViewAsync(page);

            // The path's steps, in order, from Calico to Envoy; each starts where the one before ended.
            var steps = panel.GetByRole(AriaRole.List, new LocatorGetByRoleOptions { NameRegex = new Regex(@"^Path, \d+ steps$") }).GetByRole(AriaRole.Listitem);
            await Expect(steps.First).ToContainTextAsync(new Regex(@"^Calico \(Technology\) "));
            await Expect(steps.Last).ToContainTextAsync(new Regex(@" Envoy \(Technology\)$"));
            var length = (await answer.JsonAsync())!.Value.GetProperty("data").GetProperty("path").GetProperty("length").GetInt32();
            await Expect(steps).ToHaveCountAsync(length);
            await Expect(panel.Locator(".catalog-graph-on-path")).ToHaveCountAsync(length + 1);

            // The most mentioned technologies with their aliases and mentions: more nodes than the view draws.
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "New tab", Exact = true }).ClickAsync();
            await OperationEditor(page).Locator(".monaco-editor").First.ClickAsync();
            await page.Keyboard.InsertTextAsync("query Large { technologies(first: 100, orderBy: MENTIONS) { nodes { id slug name aliases { id text } mentions { id matchedText } } } }");
            await EditorTookInAsync(page, "Large");
            await RunAsync(page, "Large");
            await Expect(Result(page)).ToContainTextAsync("\"mentions\"", Patiently);
            var warning = panel.Locator(".catalog-graph-warning");
            await Expect(warning).ToContainTextAsync(new Regex(@"^This result holds \d+ nodes, too many to draw usefully: the first 300 are drawn\.$"), Patiently);
            var total = int.Parse(Regex.Match(await warning.InnerTextAsync(), @"\d+").Value, CultureInfo.InvariantCulture);
            Assert.True(total > 300, $"{total} nodes");
            await Expect(panel.GetByRole(AriaRole.List, new LocatorGetByRoleOptions { Name = "300 nodes" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(300);
            // The page stays responsive while it lays them out.
            var clock = Stopwatch.StartNew();
            await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => r()))");
            output.WriteLine($"a frame while laying out 300 nodes came after {clock.ElapsedMilliseconds} ms");
            await SettledAsync(panel);
        });
        AssertAllLocal(ide1);
    }

    [Fact]
    public async Task Axe_finds_no_violation_with_the_explorer_or_the_graph_view_open_in_the_light_and_the_dark_theme()
    {
        // axe is added as a script of its own, which the IDE's policy forbids: this page alone goes without it.
        await using var ide1 = await ide.NewPageAsync(ColorScheme.Light, bypassCsp: true);
        var page = ide1.Page;
        await WithEvidenceAsync(page, async () =>
        {
            await OpenIdeAsync(page);
            await RunExampleAsync(page, "IstioNeighbourhood", "\"name\": \"Envoy\"");
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = IdeBrowser.AxeScriptPath });

            var explorer = page.Locator(".graphiql-explorer-root");
            // GraphiQL follows the system's theme: its base colour tells which one is in force.
            foreach (var (scheme, baseColour) in new[] { (ColorScheme.Light, "219, 28%, 100%"), (ColorScheme.Dark, "219, 29%, 18%") })
            {
                await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = scheme });
                Assert.Equal(baseColour, await page.EvaluateAsync<string>(
                    "() => getComputedStyle(document.querySelector('.graphiql-container')).getPropertyValue('--color-base').trim()"));
                // The explorer lists the root fields of the schema.
                await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Show GraphiQL Explorer" }).ClickAsync();
                foreach (var field in RootFields)
                    await Expect(explorer.Locator($"[data-field-name='{field}']").First).ToBeVisibleAsync();
                await AssertNoAxeViolationAsync(page, $"explorer, {scheme}");

                await SettledAsync(await OpenGraphViewAsync(page));
                await AssertNoAxeViolationAsync(page, $"graph view, {scheme}");
                await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Show list" }).ClickAsync();
                await AssertNoAxeViolationAsync(page, $"graph view with its list shown, {scheme}");
            }
        });
        AssertAllLocal(ide1);
    }

    private static async Task AssertNoAxeViolationAsync(IPage page, string state)
    {
        var violations = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run()).violations.map(v => ({ id: v.id, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }))");
        Assert.True(violations.GetArrayLength() == 0, $"axe violations ({state}): {violations}");
    }

    private async Task OpenIdeAsync(IPage page)
    {
        var response = await page.GotoAsync(new Uri(ide.Service.Address, "graphql").ToString(), Loading);
        Assert.Equal(200, response!.Status);
        await Expect(OperationEditor(page)).ToContainTextAsync("query WhichTalksCoveredIt", Patiently);
    }

    /// <summary>Switches to an example's tab and runs it, waiting for <paramref name="expected"/> in the result.</summary>
    private static async Task<IResponse> RunExampleAsync(IPage page, string operation, string expected)
    {
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = operation, Exact = true }).ClickAsync();
        await Expect(OperationEditor(page)).ToContainTextAsync($"query {operation}", Patiently);
        await EditorTookInAsync(page, operation);
        var answer = await RunAsync(page, operation);
        Assert.Equal(200, answer.Status);
        await Expect(Result(page)).ToContainTextAsync(expected, Patiently);
        await Expect(Result(page)).Not.ToContainTextAsync("\"errors\"");
        return answer;
    }

    /// <summary>
    /// Waits until GraphiQL has read the operation now in the editor (its handler, run 100 ms after a change, stores the
    /// text and then the operation's name): run before that, it would send the previous tab's operation name.
    /// </summary>
    private static async Task EditorTookInAsync(IPage page, string operation) =>
        await page.WaitForFunctionAsync(
            "operation => (localStorage.getItem('graphiql:query') ?? '').includes('query ' + operation)", operation,
            new PageWaitForFunctionOptions { Timeout = 20_000 });

    private static async Task<IResponse> RunAsync(IPage page, string operation) =>
        await page.RunAndWaitForResponseAsync(
            () => OperationEditor(page).GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Execute query" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/graphql", StringComparison.Ordinal)
                 && (r.Request.PostData ?? "").Contains(operation, StringComparison.Ordinal));

    private static async Task<ILocator> OpenGraphViewAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Show Graph View" }).ClickAsync();
        var panel = page.Locator(".catalog-graph");
        await Expect(panel.GetByRole(AriaRole.Group, new LocatorGetByRoleOptions { NameRegex = new Regex("^Graph of the result") })).ToBeVisibleAsync();
        return panel;
    }

    /// <summary>Waits until the layout has settled, so nodes stay where they are drawn.</summary>
    private static async Task SettledAsync(ILocator panel) =>
        await Expect(panel.Locator(".catalog-graph-hint")).Not.ToContainTextAsync("laying out", Patiently);

    private static ILocator OperationEditor(IPage page) =>
        page.GetByRole(AriaRole.Region, new PageGetByRoleOptions { Name = "Operation Editor", Exact = true });

    private static ILocator Result(IPage page) =>
        page.GetByRole(AriaRole.Region, new PageGetByRoleOptions { Name = "Result Window", Exact = true });

    /// <summary>Runs the steps; when one fails, keeps a screenshot and the service's output for the reader.</summary>
    private async Task WithEvidenceAsync(IPage page, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch
        {
            var screenshot = Path.Combine(Path.GetTempPath(), $"catalog-ide-{Guid.NewGuid():N}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
            output.WriteLine($"screenshot: {screenshot}\nservice output:\n{ide.Service.Output}");
            throw;
        }
    }

    private static void AssertAllLocal(IdePage page)
    {
        var foreign = page.Requests.Where(url => !IsLocal(url)).ToList();
        Assert.True(foreign.Count == 0, "The IDE asked for something off 127.0.0.1: " + string.Join(", ", foreign));
        Assert.True(page.Problems.IsEmpty, "The page reported errors:\n" + string.Join("\n", page.Problems));
    }

    /// <summary>
    /// The text as the response pane may show it: its editor wraps long lines anywhere in Japanese text and
    /// renders spaces as no-break spaces.
    /// </summary>
    private static Regex Wrapped(string text) =>
        new(string.Join(@"\s*", text.Select(c => char.IsWhiteSpace(c) ? @"\s" : Regex.Escape(c.ToString()))));

    /// <summary>On 127.0.0.1, including a blob: URL made by a page of 127.0.0.1; data: URLs leave nothing.</summary>
    private static bool IsLocal(string url)
    {
        if (url.StartsWith("data:", StringComparison.Ordinal)) return true;
        if (url.StartsWith("blob:", StringComparison.Ordinal)) url = url["blob:".Length..];
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host == "127.0.0.1";
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Catalog.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Catalog.Tests.Browser;

/// <summary>
/// The GraphiQL IDE as a person meets it: the service run as its own process, Debian's Chromium driven by
/// Playwright (never a downloaded browser) opening <c>/graphql</c>.
/// </summary>
public sealed class IdeTests(ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";

    // The browser is trusted with our own page only; as root (and in containers) Chromium's sandbox cannot start.
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];

    // Generous: the 6 MB bundle is parsed on a 2-core machine that may be running the rest of the suite.
    private static readonly LocatorAssertionsToContainTextOptions Patiently = new() { Timeout = 20_000 };

    [Fact]
    public async Task The_ide_opens_on_graphql_runs_the_first_example_and_shows_the_docs_without_leaving_the_service()
    {
        Assert.True(File.Exists(Chromium),
            $"The browser test drives Debian's Chromium at {Chromium}, which is missing: apt-get install chromium (.ci/run installs it).");
        var clock = Stopwatch.StartNew();

        // The service (migrating and importing the seed) and the browser start side by side.
        var starting = StartServiceAsync();
        IPlaywright playwright;
        IBrowser browser;
        try
        {
            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });
        }
        catch
        {
            await (await starting).DisposeAsync();
            throw;
        }
        using var _ = playwright;
        await using var __ = browser;
        await using var service = await starting;
        output.WriteLine($"service and browser ready after {clock.Elapsed.TotalSeconds:F1} s");

        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        var requests = new ConcurrentQueue<string>();
        var problems = new ConcurrentQueue<string>();
        page.Request += (_, request) => requests.Enqueue(request.Url);
        // CSP violations and failed loads are reported as console errors.
        page.Console += (_, message) => { if (message.Type == "error") problems.Enqueue("console: " + message.Text); };
        page.PageError += (_, error) => problems.Enqueue("page error: " + error);

        try
        {
            var response = await page.GotoAsync(new Uri(service.Address, "graphql").ToString());
            Assert.Equal(200, response!.Status);
            Assert.StartsWith("text/html", await response.HeaderValueAsync("content-type") ?? "", StringComparison.Ordinal);

            // GraphiQL mounted, with the first example and its variables in the editors.
            var operationEditor = page.GetByRole(AriaRole.Region, new PageGetByRoleOptions { Name = "Operation Editor", Exact = true });
            await Expect(operationEditor).ToContainTextAsync("query WhichTalksCoveredIt", Patiently);
            await Expect(page.GetByRole(AriaRole.Region, new PageGetByRoleOptions { Name = "Variables", Exact = true })).ToContainTextAsync("\"concurse ci\"", Patiently);
            output.WriteLine($"IDE ready after {clock.Elapsed.TotalSeconds:F1} s");

            // Run it with the execute button and read the answer in the response pane.
            var answer = await page.RunAndWaitForResponseAsync(
                () => operationEditor.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Execute query" }).ClickAsync(),
                r => r.Request.Method == "POST" && r.Url.EndsWith("/graphql", StringComparison.Ordinal)
                     && (r.Request.PostData ?? "").Contains("WhichTalksCoveredIt", StringComparison.Ordinal));
            Assert.Equal(200, answer.Status);
            var result = page.GetByRole(AriaRole.Region, new PageGetByRoleOptions { Name = "Result Window", Exact = true });
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
        }
        catch
        {
            var screenshot = Path.Combine(Path.GetTempPath(), $"catalog-ide-{Guid.NewGuid():N}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
            output.WriteLine($"screenshot: {screenshot}\nservice output:\n{service.Output}");
            throw;
        }

        output.WriteLine($"done after {clock.Elapsed.TotalSeconds:F1} s; requests:\n{string.Join('\n', requests)}");
        Assert.Contains(requests, url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/graphql-ide/ide\.[0-9a-z]+\.js$"));
        Assert.Contains(requests, url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/graphql-ide/ide\.[0-9a-z]+\.css$"));
        var foreign = requests.Where(url => !IsLocal(url)).ToList();
        Assert.True(foreign.Count == 0, "The IDE asked for something off 127.0.0.1: " + string.Join(", ", foreign));
        Assert.True(problems.IsEmpty, "The page reported errors:\n" + string.Join("\n", problems));
    }

    private static async Task<ServiceProcess> StartServiceAsync() =>
        await ServiceProcess.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings__Catalog"] = await TestPostgres.CreateDatabaseAsync(),
            ["Catalog__SeedPath"] = Seeds.Repository,
        });

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

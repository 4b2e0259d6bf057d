using Catalog.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Catalog.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (never a downloaded browser), and the service started as its own process
/// on a seeded test database: what the widget's browser tests run against.
/// </summary>
public sealed class WidgetBrowser : IAsyncLifetime
{
    /// <summary>Where Debian installs Chromium; CATALOG_CHROMIUM may point elsewhere.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CATALOG_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public ServiceProcess Service { get; private set; } = null!;

    /// <summary>The service's database, for tests that change the catalog underneath it.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>axe-core's browser build, installed by the widget's npm project (a devDependency).</summary>
    public static string AxeScriptPath => Path.Combine(Path.GetDirectoryName(Seeds.Repository)!, "src", "Catalog.Widget", "node_modules", "axe-core", "axe.min.js");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {ChromiumPath}: install it with `apt-get install chromium` (or set CATALOG_CHROMIUM to its path). Playwright never downloads a browser here.");
        ConnectionString = await TestPostgres.CreateDatabaseAsync();
        Service = await ServiceProcess.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings__Catalog"] = ConnectionString,
        });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    public Uri Url(string path) => new(Service.Address, path);

    /// <summary>A new context (own cache, own cookies) and a page in it.</summary>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions());
        return await context.NewPageAsync();
    }

    /// <summary>Opens a page and waits until the widget has annotated its container.</summary>
    public async Task<IPage> OpenAnnotatedAsync(string path, BrowserNewContextOptions? options = null)
    {
        var page = await NewPageAsync(options);
        await page.GotoAsync(Url(path).ToString());
        await WaitForWidgetAsync(page);
        return page;
    }

    public static async Task WaitForWidgetAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => document.querySelector('[data-cg-glossary]')?.getAttribute('data-cg-glossary') === 'done' || document.querySelector('[data-cg-glossary=error]')");
        Assert.Equal("done", await page.GetAttributeAsync("[data-cg-glossary]", "data-cg-glossary"));
    }

    /// <summary>Waits until the service serves catalog <paramref name="version"/> (or a later one) to the widget.</summary>
    public async Task WaitForCatalogAsync(long version)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(120); ; await Task.Delay(100))
        {
            var current = System.Text.Json.JsonDocument.Parse(await Service.Client.GetStringAsync(Url("widget/version"))).RootElement.GetProperty("catalog").GetString();
            if (long.Parse(current!, System.Globalization.CultureInfo.InvariantCulture) >= version) return;
            Assert.True(DateTime.UtcNow < deadline, $"The service did not serve catalog version {version} within 120 s (it serves {current}).");
        }
    }

    /// <summary>
    /// Waits until the service decides a page's ambiguous names at its current catalog version (the linker of a large
    /// catalog takes a while to build after a change; meanwhile such requests are answered 503).
    /// </summary>
    public async Task WaitForLinksAsync()
    {
        var links = System.Text.Json.JsonDocument.Parse(await Service.Client.GetStringAsync(Url("widget/version"))).RootElement.GetProperty("links").GetString()!;
        for (var deadline = DateTime.UtcNow.AddSeconds(300); ; await Task.Delay(200))
        {
            using var response = await Service.Client.PostAsync(Url(links.TrimStart('/')), new StringContent("""{"blocks":["We deploy with Helm."]}""", System.Text.Encoding.UTF8, "text/plain"));
            if (response.IsSuccessStatusCode) return;
            Assert.True(DateTime.UtcNow < deadline, $"The service did not decide links at {links} within 300 s (it answers {(int)response.StatusCode}).");
        }
    }

    /// <summary>
    /// Opens <paramref name="path"/> in a new page of <paramref name="context"/> (a new context is a first view, another
    /// page of the same context a repeat view), waits for the widget, and returns what the widget's requests to the
    /// service transferred, from Playwright's network events: per request, the response's headers and body as they
    /// came over the wire (0 for an answer from the browser's cache).
    /// </summary>
    public async Task<WidgetView> ViewAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        var started = new List<IRequest>();
        var ended = new List<IRequest>();
        var widget = new Uri(Service.Address, "widget/").ToString();
        page.Request += (_, request) => { if (request.Url.StartsWith(widget, StringComparison.Ordinal)) lock (started) started.Add(request); };
        void End(IRequest request) { if (request.Url.StartsWith(widget, StringComparison.Ordinal)) lock (ended) ended.Add(request); }
        page.RequestFinished += (_, request) => End(request);
        page.RequestFailed += (_, request) => End(request);
        await page.GotoAsync(Url(path).ToString());
        await WaitForWidgetAsync(page);
        for (var deadline = DateTime.UtcNow.AddSeconds(10); ; await Task.Delay(20))
        {
            lock (started) lock (ended) if (ended.Count == started.Count) break;
            Assert.True(DateTime.UtcNow < deadline, "The widget's requests did not all finish.");
        }
        var requests = new List<(string Path, int Status, long Bytes)>();
        foreach (var request in ended)
        {
            var response = await request.ResponseAsync();
            requests.Add((new Uri(request.Url).PathAndQuery, response?.Status ?? 0, await BytesAsync(request, response)));
        }
        var state = await page.EvaluateAsync<System.Text.Json.JsonElement>("() => window.__catalogGlossary");
        return new WidgetView(page, requests, state);
    }

    /// <summary>
    /// What a request's answer cost on the wire. Chromium sometimes cannot give the sizes of a request once its page moved
    /// on ("Unable to fetch resources sizes"); then the headers and the body as received are counted instead.
    /// </summary>
    private static async Task<long> BytesAsync(IRequest request, IResponse? response)
    {
        try
        {
            var sizes = await request.SizesAsync();
            return sizes.ResponseHeadersSize + sizes.ResponseBodySize;
        }
        catch (PlaywrightException) when (response is not null)
        {
            var headers = await response.HeadersArrayAsync();
            var length = headers.FirstOrDefault(h => h.Name.Equals("content-length", StringComparison.OrdinalIgnoreCase))?.Value;
            var body = long.TryParse(length, System.Globalization.CultureInfo.InvariantCulture, out var declared) ? declared : (await response.BodyAsync()).LongLength;
            return headers.Sum(h => (long)h.Name.Length + h.Value.Length + 4) + body;
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Service is not null) await Service.DisposeAsync();
    }
}

/// <summary>One view of a page: the widget's requests (path, status, bytes transferred) and its state object.</summary>
public sealed record WidgetView(IPage Page, IReadOnlyList<(string Path, int Status, long Bytes)> Requests, System.Text.Json.JsonElement State)
{
    public long Bytes => Requests.Sum(r => r.Bytes);

    public double AnnotateMs => State.GetProperty("lastAnnotateMs").GetDouble();

    public override string ToString() =>
        string.Join("; ", Requests.Select(r => $"{r.Path.Split('?')[0]} {r.Status} {r.Bytes} B"));
}

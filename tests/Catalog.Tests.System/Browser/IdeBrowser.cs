using System.Collections.Concurrent;
using Catalog.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Catalog.Tests.Browser;

/// <summary>
/// What the IDE's browser tests share: the service run as its own process on the seed, and Debian's Chromium driven
/// by Playwright (never a downloaded browser), both started side by side.
/// </summary>
public sealed class IdeBrowser : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    // The browser is trusted with our own page only; as root (and in containers) Chromium's sandbox cannot start.
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public ServiceProcess Service { get; private set; } = null!;

    /// <summary>axe-core's browser build, a devDependency of the IDE's npm project (installed by its build).</summary>
    public static string AxeScriptPath =>
        Path.Combine(Path.GetDirectoryName(Seeds.Repository)!, "src", "Catalog.Ide", "node_modules", "axe-core", "axe.min.js");

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium),
            $"The browser tests drive Debian's Chromium at {Chromium}, which is missing: apt-get install chromium (.ci/run installs it).");
        var starting = StartServiceAsync();
        try
        {
            _playwright = await Playwright.CreateAsync();
            Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });
        }
        catch
        {
            await (await starting).DisposeAsync();
            throw;
        }
        Service = await starting;
    }

    private static async Task<ServiceProcess> StartServiceAsync() =>
        await ServiceProcess.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings__Catalog"] = await TestPostgres.CreateDatabaseAsync(),
            ["Catalog__SeedPath"] = Seeds.Repository,
        });

    /// <summary>
    /// A page in a context of its own (own storage, so GraphiQL starts from the example tabs), recording every
    /// request it makes and every error it reports (CSP violations and failed loads are console errors).
    /// </summary>
    public async Task<IdePage> NewPageAsync(ColorScheme scheme = ColorScheme.Light, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            ColorScheme = scheme,
            BypassCSP = bypassCsp,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        var ide = new IdePage(page, context);
        page.Request += (_, request) => ide.Requests.Enqueue(request.Url);
        page.Console += (_, message) => { if (message.Type == "error") ide.Problems.Enqueue("console: " + message.Text); };
        page.PageError += (_, error) => ide.Problems.Enqueue("page error: " + error);
        return ide;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Service is not null) await Service.DisposeAsync();
    }
}

public sealed class IdePage(IPage page, IBrowserContext context) : IAsyncDisposable
{
    public IPage Page { get; } = page;
    public ConcurrentQueue<string> Requests { get; } = new();
    public ConcurrentQueue<string> Problems { get; } = new();

    public ValueTask DisposeAsync() => new(context.CloseAsync());
}

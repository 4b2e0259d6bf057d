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

    /// <summary>axe-core's browser build, installed by the widget's npm project (a devDependency).</summary>
    public static string AxeScriptPath => Path.Combine(Path.GetDirectoryName(Seeds.Repository)!, "src", "Catalog.Widget", "node_modules", "axe-core", "axe.min.js");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {ChromiumPath}: install it with `apt-get install chromium` (or set CATALOG_CHROMIUM to its path). Playwright never downloads a browser here.");
        Service = await ServiceProcess.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings__Catalog"] = await TestPostgres.CreateDatabaseAsync(),
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

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Service is not null) await Service.DisposeAsync();
    }
}

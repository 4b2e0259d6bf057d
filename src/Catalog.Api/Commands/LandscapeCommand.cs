using System.Text;
using Catalog.Ingest.Landscape;

namespace Catalog.Api.Commands;

/// <summary>
/// <c>landscape copy FILE [--seed PATH]</c>: copies a CNCF landscape data file (landscape.yml as published) into the
/// seed's landscape/ folder without the landscape's own sentences (<see cref="LandscapeProse"/>), the way the
/// repository keeps it. Dropping a file with its descriptions into the folder works too: they are then stored as the
/// landscape's text, with its attribution.
/// </summary>
public static class LandscapeCommand
{
    public static bool IsLandscapeCommand(string[] args) => args is ["landscape", ..];

    public static int Run(IConfiguration configuration, IHostEnvironment environment, string[] args)
    {
        if (args is not ["landscape", "copy", var source, ..] || !File.Exists(source))
        {
            Console.Error.WriteLine("Usage: landscape copy PATH/landscape.yml [--seed SEED]   (copies the file into SEED/landscape/ without its descriptions)");
            return 2;
        }
        var index = Array.IndexOf(args, "--seed");
        var configured = configuration[$"{CatalogOptions.Section}:{nameof(CatalogOptions.SeedPath)}"];
        var seed = index >= 0 && index + 1 < args.Length ? args[index + 1]
            : string.IsNullOrWhiteSpace(configured) ? CatalogOptions.FindSeed(environment.ContentRootPath) : configured;
        try
        {
            var (text, removed) = LandscapeProse.Strip(File.ReadAllText(source, Encoding.UTF8));
            var target = Path.Combine(seed, "landscape", Path.GetFileName(source));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, text, new UTF8Encoding(false));
            Console.WriteLine($"Wrote {target}: {removed} descriptions and other landscape sentences left out. Check it with: import --check");
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or YamlDotNet.Core.YamlException)
        {
            Console.Error.WriteLine($"{source}: {e.Message}");
            return 1;
        }
    }
}

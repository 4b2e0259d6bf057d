using Catalog.Tests.Infrastructure;
using static Catalog.Tests.Infrastructure.SeedMutations;

namespace Catalog.Tests.Import;

/// <summary><c>import --check</c> run as its own process on malformed seed folders: exit code 1 and file:line problems.</summary>
public sealed class ImportCheckCommandTests
{
    private const int Seed = 20261202;

    [Fact]
    public async Task The_import_check_command_exits_with_1_and_file_line_for_malformed_files()
    {
        using var seed = Seeds.Copy();
        // Several problems at once, each in its own file: an unclosed '{', nesting past the limit, a NUL, a mutation.
        seed.Replace("catalog/categories.yaml", "  - { slug: provisioning, name-en: Provisioning, name-ja: プロビジョニング }", "  - { slug: provisioning, name-en: Provisioning");
        seed.Write("catalog/deep.yaml", "technologies: " + new string('[', 3000) + "\n");
        seed.Write("catalog/nul.yaml", "people:\n  - { slug: nul, name: \"a\0b\" }\n");
        var random = new Random(Seed + 2);
        seed.Write("catalog/technologies-network.yaml", Mutate(seed.Read("catalog/technologies-network.yaml") + "\n  - {", random));

        var result = await CheckAsync(seed.Root);

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"catalog/categories\.yaml:\d+: Not valid YAML", result.Error);
        Assert.Matches(@"catalog/deep\.yaml:1: Not valid YAML: .*Lists and mappings nest more than 32 levels deep here\.", result.Error);
        Assert.Contains("catalog/nul.yaml:2: Column ", result.Error, StringComparison.Ordinal);
        Assert.Matches(@"catalog/technologies-network\.yaml:\d+: ", result.Error);
        Assert.DoesNotContain("Unhandled exception", result.Error, StringComparison.Ordinal);

        // Invalid UTF-8 is found while reading the folder, before anything is parsed.
        using var utf8 = Seeds.Copy();
        File.WriteAllBytes(utf8.PathOf("catalog/broken.yaml"), [.. "people:\n  - { slug: x, name: "u8.ToArray(), 0xFF, 0xFE, (byte)'\n']);
        var invalid = await CheckAsync(utf8.Root);
        Assert.Equal(1, invalid.ExitCode);
        Assert.Contains("catalog/broken.yaml:2: The file is not valid UTF-8: byte 0xFF", invalid.Error, StringComparison.Ordinal);
    }

    private static Task<CommandResult> CheckAsync(string seedRoot) =>
        Command.RunAsync("dotnet", [ServiceProcess.BuiltDll, "import", "--check", "--seed", seedRoot], AppContext.BaseDirectory,
            new Dictionary<string, string?> { ["DOTNET_ENVIRONMENT"] = "Production", ["ConnectionStrings__Catalog"] = null });
}

namespace Catalog.Tests.Infrastructure;

/// <summary>
/// The programs the system tests run besides the service. A missing one fails the test that needs it with one
/// message naming what to install, never a process-start exception.
/// </summary>
public static class Tools
{
    private static readonly Dictionary<string, string> Install = new(StringComparer.Ordinal)
    {
        ["kubectl"] = "kubectl with kustomize (https://kubernetes.io/docs/tasks/tools/; Debian: apt-get install kubectl)",
        ["node"] = "Node.js 20.19+ (Debian: apt-get install nodejs npm)",
        ["npm"] = "Node.js 20.19+ with npm (Debian: apt-get install nodejs npm)",
        ["dotnet"] = "the .NET 10 SDK (https://dot.net)",
        ["initdb"] = "PostgreSQL 15 or later (Debian: apt-get install postgresql)",
    };

    /// <summary>Fails with what to install unless <paramref name="program"/> is a file or on PATH.</summary>
    public static void Require(string program)
    {
        if (Find(program) is null) Assert.Fail(Missing(program));
    }

    /// <summary>What a test says when <paramref name="program"/> is missing.</summary>
    public static string Missing(string program) =>
        $"This test runs {program}, which is not installed (not on PATH): install {(Install.TryGetValue(program, out var hint) ? hint : $"'{program}'")}.";

    /// <summary>The full path of <paramref name="program"/>: itself when it is a path to a file, else the first on PATH.</summary>
    public static string? Find(string program)
    {
        if (program.Contains('/', StringComparison.Ordinal)) return File.Exists(program) ? program : null;
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, program);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}

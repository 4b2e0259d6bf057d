using Catalog.Tests.Infrastructure;

namespace Catalog.Tests.Deploy;

/// <summary>Where the deployment files are.</summary>
internal static class DeployFiles
{
    public static string RepositoryRoot { get; } = Path.GetDirectoryName(Seeds.Repository)!;

    public static string Folder { get; } = Path.Combine(RepositoryRoot, "deploy");

    public static string Dockerfile { get; } = Path.Combine(Folder, "Dockerfile");

    public static string Compose { get; } = Path.Combine(Folder, "compose.yaml");

    public static string Kustomizations { get; } = Path.Combine(Folder, "k8s");

    /// <summary>The manifest validator (node + kubernetes-models), installed by NpmCiDeployValidate.</summary>
    public static string Validator { get; } = Path.Combine(RepositoryRoot, "tests", "Catalog.Tests.System", "Deploy", "validate");
}

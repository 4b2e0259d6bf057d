using Catalog.Api;

namespace Catalog.Tests.Commands;

public sealed class ServiceHostTests
{
    [Fact]
    public void The_content_root_is_the_binaries_folder_when_the_working_folder_has_no_appsettings()
    {
        var binaries = Directory.CreateTempSubdirectory("catalog-bin-").FullName;
        var elsewhere = Directory.CreateTempSubdirectory("catalog-cwd-").FullName;
        try
        {
            // Nothing to read anywhere: the default (the working folder).
            Assert.Null(ServiceHost.ContentRoot([], elsewhere, binaries));

            File.WriteAllText(Path.Combine(binaries, "appsettings.json"), "{}");
            Assert.Equal(binaries, ServiceHost.ContentRoot([], elsewhere, binaries));
            // An explicit content root wins.
            Assert.Null(ServiceHost.ContentRoot(["--contentRoot", elsewhere], elsewhere, binaries));

            // The working folder's own appsettings.json wins.
            File.WriteAllText(Path.Combine(elsewhere, "appsettings.json"), "{}");
            Assert.Null(ServiceHost.ContentRoot([], elsewhere, binaries));
        }
        finally
        {
            Directory.Delete(binaries, recursive: true);
            Directory.Delete(elsewhere, recursive: true);
        }
    }
}

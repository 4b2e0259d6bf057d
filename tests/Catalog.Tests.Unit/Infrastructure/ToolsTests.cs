using Xunit.Sdk;

namespace Catalog.Tests.Infrastructure;

public sealed class ToolsTests
{
    [Fact]
    public async Task A_missing_program_fails_the_test_with_what_to_install()
    {
        var failure = Assert.Throws<FailException>(() => Tools.Require("catalog-tool-that-is-not-installed"));
        Assert.Contains("catalog-tool-that-is-not-installed, which is not installed (not on PATH): install", failure.Message, StringComparison.Ordinal);

        var command = await Assert.ThrowsAsync<FailException>(() => Command.RunAsync("catalog-tool-that-is-not-installed", []));
        Assert.Equal(failure.Message, command.Message);

        Assert.Contains("install kubectl with kustomize", Tools.Missing("kubectl"), StringComparison.Ordinal);
        Assert.Contains("install Node.js 20.19+", Tools.Missing("node"), StringComparison.Ordinal);
    }
}

using Catalog.Api.Commands;
using Catalog.Api.Health;

namespace Catalog.Tests.Health;

/// <summary>The container health check's probe finds the port Kestrel listens on from the same variables.</summary>
public sealed class HealthProbeCommandTests
{
    [Theory]
    [InlineData("http://+:8080", null, "http://127.0.0.1:8080/")]
    [InlineData("http://*:80;https://*:443", null, "http://127.0.0.1:80/")]
    [InlineData("https://+:443;http://0.0.0.0:9000/", null, "http://127.0.0.1:9000/")]
    [InlineData("http://[::]:8081", "8080", "http://127.0.0.1:8081/")]
    [InlineData("http://localhost:5005", "8080", "http://localhost:5005/")]
    [InlineData("http://127.0.0.1", null, "http://127.0.0.1:80/")]
    [InlineData(null, "8080", "http://127.0.0.1:8080/")]
    [InlineData("", "8080;8081", "http://127.0.0.1:8080/")]
    [InlineData(null, null, "http://127.0.0.1:5000/")]
    public void The_probe_asks_the_first_HTTP_address_Kestrel_listens_on_over_loopback(string? urls, string? httpPorts, string expected)
    {
        Assert.Equal(new Uri(expected), HealthProbeCommand.LocalAddress(urls, httpPorts));
    }

    [Fact]
    public void Only_probe_is_the_probe_command()
    {
        Assert.True(HealthProbeCommand.IsProbeCommand(["probe"]));
        Assert.True(HealthProbeCommand.IsProbeCommand(["probe", "--ready"]));
        Assert.False(HealthProbeCommand.IsProbeCommand(["import"]));
        Assert.False(HealthProbeCommand.IsProbeCommand([]));
    }
}

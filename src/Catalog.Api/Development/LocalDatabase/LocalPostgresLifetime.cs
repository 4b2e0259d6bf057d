namespace Catalog.Api.Development;

/// <summary>Stops the local PostgreSQL once the application has stopped, after in-flight requests are done.</summary>
internal sealed class LocalPostgresLifetime(LocalPostgresServer server, IHostApplicationLifetime lifetime, ILogger<LocalPostgresLifetime> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopped.Register(() =>
        {
            if (!server.Owned) return;
            logger.LogInformation("Stopping the local PostgreSQL");
            server.Stop();
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

namespace Catalog.Api.Graph.Limits;

/// <summary>
/// A turn at the <see cref="ExecutionGate"/>, kept past the execution by whoever passed it in the execution's user
/// context: the HTTP endpoint keeps it until the answer is serialised, since the result tree lives until then and a
/// turn is what bounds how many such trees are alive at once. Sending the bytes to the client does not hold it.
/// </summary>
public sealed class ExecutionTurn : IDisposable
{
    public const string Key = nameof(ExecutionTurn);

    private IDisposable? _lease;

    internal void Keep(IDisposable lease) => _lease = lease;

    public void Dispose() => Interlocked.Exchange(ref _lease, null)?.Dispose();
}

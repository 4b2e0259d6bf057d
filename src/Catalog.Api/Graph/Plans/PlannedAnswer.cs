using System.Buffers;
using System.IO.Pipelines;

namespace Catalog.Api.Graph.Plans;

/// <summary>
/// The <c>data</c> of a result that an execution plan wrote: its JSON, in arrays of the shared pool of
/// <see cref="SegmentSize"/> bytes each, so a large answer never needs one large array nor a copy to grow.
/// Written once into a response (<see cref="SendAsync"/>), which gives the arrays back to the pool.
/// </summary>
public sealed class PlannedAnswer : IBufferWriter<byte>
{
    public const int SegmentSize = 64 * 1024;

    private readonly List<(byte[] Bytes, int Count)> _full = [];
    private byte[]? _current = ArrayPool<byte>.Shared.Rent(SegmentSize);
    private int _count;

    /// <summary>How many bytes the answer holds.</summary>
    public long Length { get; private set; }

    public void Advance(int count)
    {
        _count += count;
        Length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => Room(sizeHint).AsMemory(_count);

    public Span<byte> GetSpan(int sizeHint = 0) => Room(sizeHint).AsSpan(_count);

    private byte[] Room(int sizeHint)
    {
        var current = _current ?? throw new InvalidOperationException("The answer was sent already.");
        if (current.Length - _count >= Math.Max(sizeHint, 1)) return current;
        if (_count > 0) _full.Add((current, _count));
        else ArrayPool<byte>.Shared.Return(current);
        _count = 0;
        return _current = ArrayPool<byte>.Shared.Rent(Math.Max(sizeHint, SegmentSize));
    }

    /// <summary>The answer's bytes, in order.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Segments
    {
        get
        {
            foreach (var (bytes, count) in _full) yield return bytes.AsMemory(0, count);
            if (_current is not null && _count > 0) yield return _current.AsMemory(0, _count);
        }
    }

    /// <summary>The answer as one sequence, for a writer that takes a value whole.</summary>
    public ReadOnlySequence<byte> ToSequence()
    {
        Segment? first = null, last = null;
        foreach (var memory in Segments)
        {
            var segment = new Segment(memory, last);
            first ??= segment;
            last = segment;
        }
        return first is null ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(first, 0, last!, last!.Memory.Length);
    }

    /// <summary>
    /// Sends all bytes but the last to <paramref name="body"/>, one write per array, gives the arrays back and returns
    /// the last byte (the answer's closing brace), for the caller to write through its own JSON writer, which must see
    /// a value end there.
    /// </summary>
    public async ValueTask<byte> SendAllButLastAsync(PipeWriter body, CancellationToken ct)
    {
        if (Length == 0) throw new InvalidOperationException("The answer is empty.");
        var segments = Segments.ToList();
        var lastSegment = segments[^1];
        var last = lastSegment.Span[^1];
        segments[^1] = lastSegment[..^1];
        foreach (var memory in segments)
            if (memory.Length > 0) await body.WriteAsync(memory, ct).ConfigureAwait(false);
        Release();
        return last;
    }

    private void Release()
    {
        foreach (var (bytes, _) in _full) ArrayPool<byte>.Shared.Return(bytes);
        _full.Clear();
        if (_current is not null) ArrayPool<byte>.Shared.Return(_current);
        _current = null;
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, Segment? previous)
        {
            Memory = memory;
            if (previous is null) return;
            RunningIndex = previous.RunningIndex + previous.Memory.Length;
            previous.Next = this;
        }
    }
}

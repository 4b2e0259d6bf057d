using System.Buffers;

namespace Catalog.Api.Graph.Http;

/// <summary>
/// A write-only stream into arrays rented from the shared pool: an answer is serialised here before it is sent, and a
/// large one (the glossary is hundreds of kilobytes) would otherwise allocate a new large-object array per request.
/// </summary>
public sealed class PooledBufferStream : Stream
{
    private byte[] _array = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int _length;

    /// <summary>The bytes written so far; valid until the buffer is disposed.</summary>
    public ReadOnlyMemory<byte> Written => _array.AsMemory(0, _length);

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _length;
    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_length + buffer.Length > _array.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_array.Length * 2, _length + buffer.Length));
            _array.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_array);
            _array = larger;
        }
        buffer.CopyTo(_array.AsSpan(_length));
        _length += buffer.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Flush() { }
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _length >= 0)
        {
            ArrayPool<byte>.Shared.Return(_array);
            _array = [];
            _length = -1;
        }
        base.Dispose(disposing);
    }
}

using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Catalog.Api.Graph.Http;
using Catalog.Tests.Infrastructure;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Tests.Http;

/// <summary>
/// An answer that is not kept is written into the response as it is made: sent every
/// <see cref="ExecutionResultWriter.FlushAt"/> bytes or so, never held whole, and byte for byte what the serializer
/// writes when it holds it whole.
/// </summary>
public sealed class StreamedAnswerTests(CatalogApiFixture api) : IClassFixture<CatalogApiFixture>
{
    [Fact]
    public async Task A_large_answer_leaves_in_pieces_and_reads_as_the_serializer_writes_it()
    {
        var executer = api.Services.GetRequiredService<IDocumentExecuter<ISchema>>();
        var serializer = api.Services.GetRequiredService<CatalogJsonSerializer>();
        using var scope = api.Services.CreateScope();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = "{ glossary(lang: JA) { slug name terms definition categories talks } }",
            RequestServices = scope.ServiceProvider,
        });
        Assert.Null(result.Errors);

        // Serialised whole first: a plan's answer gives its arrays back once it has been sent.
        var whole = serializer.Serialize(result);
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        var counted = new CountingWriter(pipe.Writer);
        await serializer.WriteResultAsync(counted, result, default);
        await pipe.Writer.CompleteAsync();
        var read = await pipe.Reader.ReadAtLeastAsync(int.MaxValue);
        var written = Encoding.UTF8.GetString(read.Buffer);

        Assert.Equal(whole, written);
        Assert.True(read.Buffer.Length > 4 * ExecutionResultWriter.FlushAt, $"the glossary is only {read.Buffer.Length} bytes");
        Assert.True(counted.Flushes >= read.Buffer.Length / (2 * ExecutionResultWriter.FlushAt), $"{counted.Flushes} flushes for {read.Buffer.Length} bytes");
        Assert.True(counted.MostUnflushed < 2 * ExecutionResultWriter.FlushAt, $"{counted.MostUnflushed} bytes held before a flush");
    }

    /// <summary>A pipe's writer that counts its flushes and the most bytes written between two of them.</summary>
    private sealed class CountingWriter(PipeWriter inner) : PipeWriter
    {
        private long _unflushed;

        public int Flushes { get; private set; }
        public long MostUnflushed { get; private set; }

        public override void Advance(int bytes)
        {
            _unflushed += bytes;
            MostUnflushed = Math.Max(MostUnflushed, _unflushed);
            inner.Advance(bytes);
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            Flushes++;
            _unflushed = 0;
            return inner.FlushAsync(cancellationToken);
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);
        public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);
        public override void CancelPendingFlush() => inner.CancelPendingFlush();
        public override void Complete(Exception? exception = null) => inner.Complete(exception);
    }
}

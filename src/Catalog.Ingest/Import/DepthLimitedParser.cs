using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Catalog.Ingest.Import;

/// <summary>
/// A YAML parser that refuses nesting deeper than a limit (the representation model loads nested nodes
/// recursively, so thousands of '[' would exhaust the stack) and remembers the line it had read to.
/// </summary>
internal sealed class DepthLimitedParser(IParser inner, int maxDepth) : IParser
{
    private int _depth;

    public ParsingEvent? Current => inner.Current;

    /// <summary>The 1-based line of the last event read (1 before any).</summary>
    public int LastLine { get; private set; } = 1;

    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (inner.Current is not { } current) return moved;
        if (current.Start.Line > 0) LastLine = (int)current.Start.Line;
        switch (current)
        {
            case SequenceStart or MappingStart when ++_depth > maxDepth:
                throw new YamlException(current.Start, current.End, $"Lists and mappings nest more than {maxDepth} levels deep here.");
            case SequenceEnd or MappingEnd:
                _depth--;
                break;
        }
        return moved;
    }
}

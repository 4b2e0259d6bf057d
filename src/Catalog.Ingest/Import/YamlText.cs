using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Catalog.Ingest.Import;

/// <summary>Parses a seed file's YAML, turning every way the parser can fail into a problem at a line of the file.</summary>
public static class YamlText
{
    private const int MaxDepth = 32;

    /// <summary>The file's documents, or null when it does not parse (the problem is then in <paramref name="errors"/>).</summary>
    public static YamlStream? Load(string file, string text, List<SeedError> errors)
    {
        if (text.StartsWith('\uFEFF')) text = text[1..];
        var stream = new YamlStream();
        var parser = new DepthLimitedParser(new Parser(new StringReader(text)), MaxDepth);
        try
        {
            stream.Load(parser);
            return stream;
        }
        catch (YamlException e)
        {
            var line = e.Start.Line > 0 ? (int)e.Start.Line : parser.LastLine;
            errors.Add(new SeedError(file, line, $"Not valid YAML: {Innermost(e).Message}"));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException or NotSupportedException or IndexOutOfRangeException)
        {
            // The parser gives up on some malformed input (an unclosed '{' or '[') with an exception that has no
            // position: report where it had read to.
            errors.Add(new SeedError(file, parser.LastLine,
                $"Not valid YAML: the parser stopped here ({e.Message}); look for an unclosed '{{', '[' or quote at or before this line."));
        }
        return null;
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}

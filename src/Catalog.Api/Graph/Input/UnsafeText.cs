using System.Globalization;

namespace Catalog.Api.Graph.Input;

/// <summary>
/// Text that no field accepts: NUL and the other C0 control characters but tab, line feed and carriage return
/// (PostgreSQL refuses NUL in text, and none belongs in a name, a query or a notes file), and lone UTF-16 surrogates
/// (no UTF-8 encodes them). Refused with one stable code wherever the text appears in a request; other unusual
/// characters (bidirectional controls, combining marks) are ordinary text, and a look-up by them finds nothing.
/// </summary>
public static class UnsafeText
{
    public const string Code = ErrorCodes.InvalidText;

    /// <summary>What is wrong with <paramref name="text"/>, or null when nothing is.</summary>
    public static string? Problem(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }
                return $"a lone surrogate U+{(int)c:X4} {Where(text, i)}";
            }
            if (char.IsLowSurrogate(c)) return $"a lone surrogate U+{(int)c:X4} {Where(text, i)}";
            if (c is < ' ' and not ('\t' or '\n' or '\r') || c == '\u007F')
                return $"the control character U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)} {Where(text, i)}";
        }
        return null;
    }

    // In a text of several lines (a notes file), the line and column say where to look; else the position.
    private static string Where(ReadOnlySpan<char> text, int at)
    {
        var before = text[..at];
        var lineStart = before.LastIndexOfAny('\n', '\r');
        if (lineStart < 0) return $"at position {at + 1}";
        var line = 1;
        for (var i = 0; i < before.Length; i++)
        {
            if (before[i] == '\n' || (before[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))) line++;
        }
        return $"at line {line}, column {at - lineStart}";
    }
}

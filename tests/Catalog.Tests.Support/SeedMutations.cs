using Catalog.Ingest.Import;

namespace Catalog.Tests.Infrastructure;

/// <summary>Random edits of a text that aim at what YAML and Markdown parsers trip on.</summary>
internal static class SeedMutations
{
    /// <summary>The repository's seed files, whose lines a mutation may copy in.</summary>
    private static readonly List<SeedFile> Folder = SeedLoader.ReadFolder(Seeds.Repository);

    private static readonly string[] Specials =
        ["{", "}", "[", "]", ": ", "- ", "#", "&a ", "*a", "!", "|", ">", "'", "\"", "%", "@", "`", ",", "? ", "\t", "\r", "\r\n", "\n",
         "\0", "\u0001", "\u007F", "\uFEFF", "\u2028", "\uD800", "\uDC00", "日本", "---\n", "...\n", "\\", "<!--", "```\n", "## ", "<pre>", "&lt;"];

    /// <summary>One to three random edits of a text: lines dropped, repeated, swapped or shifted, characters and spans inserted, cut or repeated.</summary>
    internal static string Mutate(string text, Random random)
    {
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var lines = text.Split('\n').ToList();
            var line = random.Next(lines.Count);
            var at = text.Length == 0 ? 0 : random.Next(text.Length);
            switch (random.Next(14))
            {
                case 0: lines.RemoveAt(line); text = string.Join('\n', lines); break;
                case 1: lines.Insert(line, lines[line]); text = string.Join('\n', lines); break;
                case 2 when line + 1 < lines.Count: (lines[line], lines[line + 1]) = (lines[line + 1], lines[line]); text = string.Join('\n', lines); break;
                case 3: lines[line] = new string(' ', random.Next(1, 5)) + lines[line]; text = string.Join('\n', lines); break;
                case 4: lines[line] = lines[line].TrimStart(); text = string.Join('\n', lines); break;
                case 5: text = text.Remove(at, Math.Min(random.Next(1, 40), text.Length - at)); break;
                case 6: text = text[..at]; break;
                case 7: text = text.Insert(at, text.Substring(at, Math.Min(random.Next(1, 60), text.Length - at))); break;
                case 8: text = text.Replace("\n", "\r\n", StringComparison.Ordinal); break;
                case 9: text = "\uFEFF" + text; break;
                case 10: text = text.Insert(at, new string((char)random.Next('a', 'z' + 1), random.Next(100, 700))); break;
                case 11:
                    var other = Folder[random.Next(Folder.Count)].Text.Split('\n');
                    lines.Insert(line, other[random.Next(other.Length)]);
                    text = string.Join('\n', lines);
                    break;
                default: text = text.Insert(at, Specials[random.Next(Specials.Length)]); break;
            }
        }
        return text;
    }
}

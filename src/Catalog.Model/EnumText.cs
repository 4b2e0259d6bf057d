using System.Collections.Frozen;
using System.Text;

namespace Catalog.Model;

/// <summary>
/// The one spelling of enum values outside C#: kebab case ("cloud-service", "after-party"),
/// shared by the seed files and the database columns.
/// </summary>
public static class EnumText<T> where T : struct, Enum
{
    private static readonly FrozenDictionary<T, string> Texts =
        Enum.GetValues<T>().ToFrozenDictionary(v => v, v => ToKebab(v.ToString()));

    private static readonly FrozenDictionary<string, T> Values =
        Texts.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<string> All => Texts.Values;

    public static string ToText(T value) => Texts[value];

    public static bool TryParse(string text, out T value) => Values.TryGetValue(text, out value);

    public static T Parse(string text) =>
        Values.TryGetValue(text, out var value) ? value : throw new FormatException($"'{text}' is not a {typeof(T).Name}.");

    private static string ToKebab(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 4);
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0) text.Append('-');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}

using System.Globalization;
using System.Text;

namespace Catalog.Tests.Hardening;

/// <summary>
/// Documents of about a kilobyte whose fragments each spread the one before twice: thirty levels are 2^30
/// selections once expanded. Each shape reaches the doubling another way.
/// </summary>
public static class FragmentDoubling
{
    public const int Levels = 30;

    /// <summary><c>fragment F1 on Query { ...F0 ...F0 }</c>.</summary>
    public static string Spreads => Build("{ ...F30 }", "Query", "__typename", i => $"...F{i - 1} ...F{i - 1}");

    /// <summary>Each spread wrapped in an inline fragment.</summary>
    public static string InlineFragments => Build("{ ...F30 }", "Query", "__typename", i => $"... on Query {{ ...F{i - 1} }} ... on Query {{ ...F{i - 1} }}");

    /// <summary>An alias in the innermost fragment, multiplied with it.</summary>
    public static string Aliases => Build("{ ...F30 }", "Query", "kind: __typename", i => $"...F{i - 1} ...F{i - 1}");

    /// <summary>Spread under a connection's items: every item would expand the whole tree.</summary>
    public static string UnderAList => Build("{ technologies(first: 1) { nodes { ...F30 } } }", "Technology", "categories { name }", i => $"...F{i - 1} ...F{i - 1}");

    private static string Build(string operation, string type, string leaf, Func<int, string> body)
    {
        var text = new StringBuilder(operation).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"fragment F0 on {type} {{ {leaf} }}\n");
        for (var i = 1; i <= Levels; i++) text.Append(CultureInfo.InvariantCulture, $"fragment F{i} on {type} {{ {body(i)} }}\n");
        return text.ToString();
    }
}

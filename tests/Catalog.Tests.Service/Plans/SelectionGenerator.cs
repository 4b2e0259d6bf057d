using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;

namespace Catalog.Tests.Plans;

/// <summary>
/// Random operations over the service's schema, from a seeded <see cref="Random"/>: subsets of each type's fields,
/// with aliases (the same one twice, to be merged), inline fragments (with and without a type condition, on interfaces
/// and unions), named fragments, <c>@skip</c>/<c>@include</c> on literals and variables, arguments as literals, as
/// variables and as variables with defaults, <c>__typename</c>, and argument values that find something, nothing
/// (nulls) or are refused (errors).
/// </summary>
internal sealed class SelectionGenerator(Random random, IReadOnlyList<string> ids)
{
    private const int MaxDepth = 4;

    private static readonly string[] Names = ["k8s", "istio", "calico", "envoy", "containerd", "KUBERNETES", "concurse ci", "ロケット", "no-such-thing", "cni", "service-mesh", "runtime"];
    private static readonly string[] Texts = ["kube", "container", "mesh", "", "x", "Istio", "ランタイム"];
    private static readonly int[] Numbers = [0, 1, 2, 3, 5, 10, 100, -1];

    private readonly StringBuilder _fragments = new();
    private readonly List<string> _declarations = [];
    private readonly JsonObject _variables = [];
    private int _names;

    /// <summary>One operation: its text and its variables as JSON.</summary>
    public static (string Query, string Variables) Next(ISchema schema, Random random, IReadOnlyList<string> ids)
    {
        var generator = new SelectionGenerator(random, ids);
        var selections = generator.Selections(schema.Query!, 1);
        var declarations = generator._declarations.Count == 0 ? "" : "(" + string.Join(", ", generator._declarations) + ")";
        return ($"query Generated{declarations} {selections}\n{generator._fragments}", generator._variables.ToJsonString());
    }

    private string Selections(IGraphType type, int depth)
    {
        var parts = new List<string>();
        var fields = FieldsOf(type);
        var count = fields.Count == 0 ? 0 : random.Next(1, Math.Min(3, fields.Count) + 1);
        foreach (var field in fields.OrderBy(_ => random.Next()).Take(count))
            if (Field(type, field, depth) is { } text) parts.Add(random.Next(6) == 0 ? text + " " + text : text);
        if (type is IAbstractGraphType abstractType)
            foreach (var possible in abstractType.PossibleTypes.Where(_ => random.Next(3) == 0))
                parts.Add(Fragment(possible, depth, sameType: false));
        else if (random.Next(5) == 0)
            parts.Add(Fragment(type, depth, sameType: true));
        if (parts.Count == 0 || random.Next(6) == 0) parts.Add("__typename" + Directive());
        return "{ " + string.Join(" ", parts.OrderBy(_ => random.Next())) + " }";
    }

    // An inline fragment (with or without its type condition) or a named one, spread here.
    private string Fragment(IGraphType type, int depth, bool sameType)
    {
        var body = Selections(type, depth);
        switch (random.Next(3))
        {
            case 0: return $"... on {type.Name}{Directive()} {body}";
            case 1 when sameType: return $"...{Directive()} {body}";
            default:
                var name = "F" + _names++;
                _fragments.Append(CultureInfo.InvariantCulture, $"fragment {name} on {type.Name} {body}\n");
                return $"...{name}{Directive()}";
        }
    }

    // A field's alias and arguments are chosen once per operation (per type and field): the same response name then
    // always asks the same thing, so most operations validate and the plans are exercised rather than the validator.
    private readonly Dictionary<string, string?> _aliases = [];
    private readonly Dictionary<(string, string), string?> _arguments = [];

    private string? Field(IGraphType owner, FieldType field, int depth)
    {
        var named = field.ResolvedType!.GetNamedType();
        if (named is IComplexGraphType or IAbstractGraphType && depth >= MaxDepth) return null;
        if (!_arguments.TryGetValue((owner.Name, field.Name), out var args))
            _arguments[(owner.Name, field.Name)] = args = Arguments(field);
        if (args is null) return null;
        if (!_aliases.TryGetValue(field.Name, out var alias))
            _aliases[field.Name] = alias = random.Next(8) == 0 ? "x" + field.Name + ": " : "";
        var below = named is IComplexGraphType or IAbstractGraphType ? Selections(named, depth + 1) : null;
        return $"{alias}{field.Name}{args}{Directive()}{(below is null ? "" : " " + below)}";
    }

    // The argument list, or null when the generator makes no value for an argument the field needs (input objects).
    private string? Arguments(FieldType field)
    {
        // Every value first: a field left out declares no variable.
        var values = new List<(QueryArgument Argument, JsonNode Value)>();
        foreach (var argument in (IEnumerable<QueryArgument>?)field.Arguments ?? [])
        {
            var required = argument.ResolvedType is NonNullGraphType && argument.DefaultValue is null;
            // A cursor is mostly not a slug: asked for rarely, it answers BAD_CURSOR.
            if (!required && random.Next(argument.Name == "after" ? 10 : 5) >= 2) continue;
            if (Value(argument.Name, argument.ResolvedType!) is not { } value) return null;
            values.Add((argument, value));
        }
        return values.Count == 0 ? "" : "(" + string.Join(", ", values.Select(v => $"{v.Argument.Name}: {Argument(v.Argument.ResolvedType!, v.Value)}")) + ")";
    }

    // A literal, or a variable holding the value (sometimes as the variable's default).
    private string Argument(IGraphType type, JsonNode? value)
    {
        if (random.Next(3) > 0) return Literal(type, value);
        var name = "v" + _names++;
        if (random.Next(4) == 0)
        {
            _declarations.Add($"${name}: {Print(type)} = {Literal(type, value)}");
        }
        else
        {
            _declarations.Add($"${name}: {Print(type)}");
            _variables[name] = value?.DeepClone();
        }
        return "$" + name;
    }

    private string Directive()
    {
        if (random.Next(6) != 0) return "";
        var which = random.Next(2) == 0 ? "skip" : "include";
        var on = random.Next(2) == 0;
        if (random.Next(2) == 0) return $" @{which}(if: {(on ? "true" : "false")})";
        var name = "b" + _names++;
        _declarations.Add($"${name}: Boolean!");
        _variables[name] = on;
        return $" @{which}(if: ${name})";
    }

    /// <summary>A value for an argument, or null when the generator makes none for its type (input objects).</summary>
    private JsonNode? Value(string name, IGraphType type)
    {
        type = type is NonNullGraphType nonNull ? nonNull.ResolvedType! : type;
        return type switch
        {
            ListGraphType list => new JsonArray([.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => Value(name, list.ResolvedType!))]),
            EnumerationGraphType enumeration => JsonValue.Create(enumeration.Values.ElementAt(random.Next(enumeration.Values.Count)).Name),
            IdGraphType => JsonValue.Create(ids[random.Next(ids.Count)]),
            IntGraphType => JsonValue.Create(Numbers[random.Next(Numbers.Length)]),
            BooleanGraphType => JsonValue.Create(random.Next(2) == 0),
            StringGraphType => JsonValue.Create(name is "query" or "text" ? Texts[random.Next(Texts.Length)] : Names[random.Next(Names.Length)]),
            _ => null,
        };
    }

    private static string Literal(IGraphType type, JsonNode? value)
    {
        type = type is NonNullGraphType nonNull ? nonNull.ResolvedType! : type;
        return (type, value) switch
        {
            (_, null) => "null",
            (ListGraphType list, JsonArray items) => "[" + string.Join(", ", items.Select(i => Literal(list.ResolvedType!, i))) + "]",
            (EnumerationGraphType, _) => value.GetValue<string>(),
            _ => value.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
        };
    }

    private static string Print(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Print(nonNull.ResolvedType!) + "!",
        ListGraphType list => "[" + Print(list.ResolvedType!) + "]",
        _ => type.Name,
    };

    private static List<FieldType> FieldsOf(IGraphType type) => type is IComplexGraphType complex ? [.. complex.Fields] : [];
}

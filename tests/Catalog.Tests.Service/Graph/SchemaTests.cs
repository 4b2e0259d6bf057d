using Catalog.Api.Graph;
using Catalog.Tests.Infrastructure;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Tests.Graph;

public sealed class SchemaTests(CatalogApiFixture api) : IClassFixture<CatalogApiFixture>
{
    private static string Approved => Path.Combine(Path.GetDirectoryName(Seeds.Repository)!, "src", "Catalog.Api", "schema.graphql");

    private string Printed()
    {
        var schema = api.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        return schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true })
            .ReplaceLineEndings("\n").TrimEnd() + "\n";
    }

    /// <summary>
    /// The SDL in the repository is the reviewed contract. A schema change must change that file too: when this
    /// fails, the new SDL is written beside it as schema.received.graphql for review.
    /// </summary>
    [Fact]
    public void The_schema_matches_the_approved_sdl()
    {
        var printed = Printed();
        var approved = File.Exists(Approved) ? File.ReadAllText(Approved).ReplaceLineEndings("\n") : "";
        if (printed != approved) File.WriteAllText(Path.ChangeExtension(Approved, ".received.graphql"), printed);
        Assert.True(printed == approved, "The schema changed: review src/Catalog.Api/schema.received.graphql and, if it is right, copy it over schema.graphql.");
    }

    [Fact]
    public void Every_type_field_argument_and_enum_value_has_a_description()
    {
        var schema = api.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var missing = new List<string>();
        foreach (var type in schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && t is not ScalarGraphType))
        {
            if (string.IsNullOrWhiteSpace(type.Description)) missing.Add(type.Name);
            if (type is EnumerationGraphType enumeration)
            {
                foreach (var value in enumeration.Values)
                    if (string.IsNullOrWhiteSpace(value.Description)) missing.Add($"{type.Name}.{value.Name}");
            }
            if (type is not IComplexGraphType complex) continue;
            foreach (var field in complex.Fields)
            {
                if (string.IsNullOrWhiteSpace(field.Description)) missing.Add($"{type.Name}.{field.Name}");
                foreach (var argument in field.Arguments ?? [])
                    if (string.IsNullOrWhiteSpace(argument.Description)) missing.Add($"{type.Name}.{field.Name}({argument.Name})");
            }
        }
        Assert.Empty(missing);
    }
}

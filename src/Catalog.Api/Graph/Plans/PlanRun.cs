using System.Collections;
using System.Text.Json;
using Catalog.Api.Graph.Http;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQLParser.AST;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace Catalog.Api.Graph.Plans;

/// <summary>
/// One request's walk of a covered query: each field resolved by its own resolver, with a context of the plan's own,
/// and its value completed as GraphQL.NET completes it (scalars serialised by their graph type, lists item by item,
/// abstract types resolved to their object type, nulls checked against non-null types), then written at once as
/// <see cref="ExecutionResultWriter"/> writes GraphQL.NET's nodes. It stops at the first thing GraphQL.NET would
/// report as an error (a resolver's exception or reported error, a null where none may be, a value of the wrong type,
/// an unfinished resolver): the request is then executed by GraphQL.NET, and this answer dropped.
/// </summary>
internal sealed class PlanRun(PlannedExecutionStrategy strategy, ExecutionContext context, PlannedAnswer answer, JsonSerializerOptions options) : IDisposable
{
    private readonly Utf8JsonWriter _writer = new(answer, PlannedExecutionStrategy.WriterOptions(options));

    // Errors a resolver reports without throwing land here, not in the request's list: any of them ends the plan.
    private readonly ExecutionErrors _errors = [];

    // The fields of each selection set as met on each object type, collected once per request: directives may
    // depend on the variables, so the collection is the request's. Each field keeps one context for all the objects
    // it is resolved on, since no resolver of a snapshot read keeps its context past its return.
    private readonly Dictionary<(GraphQLSelectionSet, IObjectGraphType), Selected[]> _collected = [];

    /// <summary>Writes the answer; false when GraphQL.NET must execute the query instead.</summary>
    public bool TryWrite()
    {
        WriteObject(context.Schema.Query!, context.Operation.SelectionSet, context.RootValue);
        _writer.Flush();
        return _errors.Count == 0;
    }

    public void Dispose() => _writer.Dispose();

    private void WriteObject(IObjectGraphType type, GraphQLSelectionSet selections, object? source)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        _writer.WriteStartObject();
        foreach (var field in Fields(type, selections))
        {
            _writer.WritePropertyName(field.Name);
            var resolve = field.Context;
            resolve.Source = source;
            var value = field.Resolver.ResolveAsync(resolve);
            if (!value.IsCompletedSuccessfully) throw new PlanAbandoned($"{type.Name}.{field.Definition.Name} did not return at once.");
            WriteValue(field.Definition.ResolvedType!, field.Ast, value.Result);
        }
        _writer.WriteEndObject();
    }

    private void WriteValue(IGraphType type, GraphQLField ast, object? value)
    {
        var nonNull = type is NonNullGraphType;
        if (type is NonNullGraphType wrapped) type = wrapped.ResolvedType!;

        if (type is ScalarGraphType scalar)
        {
            var serialized = scalar.Serialize(value);
            if (serialized is null && nonNull) throw new PlanAbandoned("A null where none may be.");
            ExecutionResultWriter.WriteValue(_writer, serialized, options);
            return;
        }
        if (value is null)
        {
            if (nonNull) throw new PlanAbandoned("A null where none may be.");
            _writer.WriteNullValue();
            return;
        }
        switch (type)
        {
            case ListGraphType list:
                WriteList(list, ast, value);
                break;
            case IObjectGraphType objectType:
                Check(objectType, value);
                WriteObject(objectType, ast.SelectionSet!, value);
                break;
            case IAbstractGraphType abstractType:
                var resolved = abstractType.GetObjectType(value, context.Schema);
                if (resolved is null || !abstractType.IsPossibleType(resolved)) throw new PlanAbandoned($"No object type of {abstractType.Name} for a value.");
                Check(resolved, value);
                WriteObject(resolved, ast.SelectionSet!, value);
                break;
            default:
                throw new PlanAbandoned($"Unexpected type {type}.");
        }
    }

    private void WriteList(ListGraphType list, GraphQLField ast, object value)
    {
        if (value is not IEnumerable items) throw new PlanAbandoned("A list field returned something else.");
        var itemType = list.ResolvedType!;
        if (itemType is NonNullGraphType { ResolvedType: ScalarGraphType nonNullScalar } && nonNullScalar.CanSerializeList(items, false))
        {
            WriteSerializedList(nonNullScalar.SerializeList(items));
            return;
        }
        if (itemType is ScalarGraphType scalar && scalar.CanSerializeList(items, true))
        {
            WriteSerializedList(scalar.SerializeList(items));
            return;
        }
        _writer.WriteStartArray();
        if (items is IList indexed)
        {
            for (var i = 0; i < indexed.Count; i++) WriteValue(itemType, ast, indexed[i]);
        }
        else
        {
            foreach (var item in items) WriteValue(itemType, ast, item);
        }
        _writer.WriteEndArray();
    }

    // A list of scalars that the graph type serialised whole, written as the result writer writes one.
    private void WriteSerializedList(IEnumerable serialized)
    {
        _writer.WriteStartArray();
        foreach (var item in serialized) ExecutionResultWriter.WriteValue(_writer, item, options);
        _writer.WriteEndArray();
    }

    // GraphQL.NET checks an object against its type's IsTypeOf, when it has one.
    private static void Check(IObjectGraphType type, object value)
    {
        if (type.IsTypeOf is { } isTypeOf && !type.SkipTypeCheck && !isTypeOf(value)) throw new PlanAbandoned($"A value is not a {type.Name}.");
    }

    private Selected[] Fields(IObjectGraphType type, GraphQLSelectionSet selections)
    {
        if (_collected.TryGetValue((selections, type), out var fields)) return fields;
        var collected = strategy.Collect(context, type, selections);
        fields = new Selected[collected.Count];
        var i = 0;
        foreach (var (name, (ast, definition)) in collected)
        {
            var resolve = new ResolveFieldContext
            {
                FieldAst = ast,
                FieldDefinition = definition,
                ParentType = type,
                Arguments = context.GetArguments(definition, ast),
                Directives = context.GetDirectives(ast),
                RootValue = context.RootValue,
                UserContext = context.UserContext,
                Schema = context.Schema,
                Document = context.Document,
                Operation = context.Operation,
                Variables = context.Variables,
                CancellationToken = context.CancellationToken,
                Metrics = context.Metrics,
                Errors = _errors,
                Path = [],
                ResponsePath = [],
                RequestServices = context.RequestServices,
                InputExtensions = context.InputExtensions,
                OutputExtensions = context.OutputExtensions,
                ArrayPool = context,
                User = context.User,
                ExecutionContext = context,
            };
            fields[i++] = new Selected(JsonEncodedText.Encode(name, options.Encoder), ast, definition, definition.Resolver ?? NameFieldResolver.Instance, resolve);
        }
        _collected[(selections, type)] = fields;
        return fields;
    }

    private sealed record Selected(JsonEncodedText Name, GraphQLField Ast, FieldType Definition, IFieldResolver Resolver, ResolveFieldContext Context);
}

/// <summary>Something in a plan's walk that GraphQL.NET would report as an error: the request goes to GraphQL.NET.</summary>
internal sealed class PlanAbandoned(string message) : Exception(message);

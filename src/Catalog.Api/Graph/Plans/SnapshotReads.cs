using GraphQL.Types;
using GraphQL.Types.Relay;

namespace Catalog.Api.Graph.Plans;

/// <summary>
/// Which fields an execution plan may resolve (see <see cref="PlannedExecutionStrategy"/>): those marked here as pure
/// reads of the snapshot. A pure read returns at once, changes nothing, and reads of its context only the source, its
/// arguments, the services, the user context (the snapshot) and the cancellation token; it may throw or report an
/// error, since then the request is executed again by GraphQL.NET. Nothing is assumed of a field that is not marked.
/// </summary>
public static class SnapshotReads
{
    private const string Key = "catalog.plan.snapshotRead";

    /// <summary>Marks every field defined so far on <paramref name="type"/> as a pure read of the snapshot.</summary>
    public static void FieldsReadTheSnapshot(this IComplexGraphType type)
    {
        foreach (var field in type.Fields) field.ReadsTheSnapshot();
    }

    /// <summary>Marks one field as a pure read of the snapshot.</summary>
    public static void ReadsTheSnapshot(this FieldType field) => field.Metadata[Key] = true;

    /// <summary>Whether a plan may resolve <paramref name="field"/> of the object type <paramref name="parent"/>.</summary>
    public static bool IsSnapshotRead(this FieldType field, IObjectGraphType parent) =>
        field.Metadata.ContainsKey(Key)
        // GraphQL.NET's own Relay types, which our connections use: their fields read properties of the page object
        // that a connection field made (PageInfo, Edge), nothing else.
        || parent is PageInfoType
        || parent.GetType() is { IsGenericType: true } generic && generic.GetGenericTypeDefinition() == typeof(EdgeType<>);
}

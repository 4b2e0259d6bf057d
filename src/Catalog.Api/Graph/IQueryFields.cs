using GraphQL.Types;

namespace Catalog.Api.Graph;

/// <summary>A feature's fields on the root Query type; each feature folder contributes its own.</summary>
public interface IQueryFields
{
    void AddTo(ObjectGraphType query);

    /// <summary>
    /// Whether every field this feature adds is a pure read of the snapshot, which an execution plan may resolve
    /// (see <see cref="Plans.SnapshotReads"/>); false unless the feature says so.
    /// </summary>
    bool ReadsTheSnapshot => false;
}

namespace Catalog.Api.Data;

/// <summary>
/// The version of the catalog that answers are computed from: the response cache keeps an answer only under the
/// version it was computed at. Null while the version cannot be known, and then nothing may be kept.
/// </summary>
public interface ICatalogVersion
{
    long? Current { get; }
}

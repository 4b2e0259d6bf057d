namespace Catalog.Api.Technologies;

/// <summary>A new alias for a technology.</summary>
public sealed record AddTechnologyAliasInput(string Technology, string Alias, AliasKind Kind, Lang? Lang, bool CaseSensitive);

namespace Catalog.Api.Technologies;

/// <summary>A technology's definition in one language, added or replaced.</summary>
public sealed record SetTechnologyDefinitionInput(string Technology, Lang Lang, string Short, string? Long, string? SourceUrl);

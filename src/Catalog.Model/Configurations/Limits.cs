namespace Catalog.Model.Configurations;

/// <summary>Column lengths shared by the entity configurations and the seed validation.</summary>
public static class Limits
{
    public const int Slug = 80;
    public const int Name = 200;
    public const int Url = 500;
    public const int Alias = 200;
    public const int ShortDefinition = 600;
    public const int Title = 300;

    /// <summary>A short label written beside a title: a talk's time slot or track.</summary>
    public const int Label = 100;
    public const int ImportedPath = 200;
}

namespace Catalog.Api.Talks;

public enum TalkOrder
{
    /// <summary>In the order of the notes.</summary>
    Notes,
    /// <summary>By title.</summary>
    Title,
}


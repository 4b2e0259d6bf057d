using System.ComponentModel;

namespace Catalog.Api.Talks;

public enum TalkOrder
{
    [Description("In the order of the notes.")]
    Notes,
    [Description("By title.")]
    Title,
}

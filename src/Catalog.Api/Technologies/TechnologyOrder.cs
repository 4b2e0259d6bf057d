using System.ComponentModel;

namespace Catalog.Api.Technologies;

public enum TechnologyOrder
{
    [Description("By name, A to Z.")]
    Name,
    [Description("Most mentioned in the notes first.")]
    Mentions,
}

using System.ComponentModel;

namespace Catalog.Api.Technologies;

public enum OrganizationRole
{
    [Description("The organisation maintains the technology.")]
    Maintainer,
    [Description("The organisation created the technology.")]
    Creator,
}

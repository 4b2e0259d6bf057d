using System.ComponentModel;

namespace Catalog.Model.Technologies;

public enum OrganizationRole
{
    [Description("It maintains the technology today.")]
    Maintainer,

    [Description("It created the technology.")]
    Creator,

    [Description("The CNCF landscape names it as the organisation behind the technology (the item's Crunchbase entry): the company or foundation that makes, maintains or hosts it; the landscape does not say which.")]
    Listed,
}

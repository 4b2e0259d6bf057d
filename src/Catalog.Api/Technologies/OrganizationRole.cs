namespace Catalog.Api.Technologies;

public enum OrganizationRole
{
    Maintainer,
    Creator,
}

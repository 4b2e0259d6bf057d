namespace Catalog.Api.Organizations;

public enum OrganizationKind
{
    Company,
    Division,
    Foundation,
    Community,
}

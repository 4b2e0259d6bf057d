using System.ComponentModel;

namespace Catalog.Api.Organizations;

public enum OrganizationKind
{
    [Description("A company.")]
    Company,
    [Description("A division or a subsidiary of a company.")]
    Division,
    [Description("A foundation that hosts projects (the CNCF, the Linux Foundation).")]
    Foundation,
    [Description("A community or a user group.")]
    Community,
}

using System.ComponentModel;

namespace Catalog.Model.Organizations;

public enum OrganizationKind
{
    [Description("A business.")]
    Company,

    [Description("A part of a company, such as a subsidiary, lab or department.")]
    Division,

    [Description("A foundation that hosts projects or standards (CNCF, The Linux Foundation ...).")]
    Foundation,

    [Description("A community of people without a legal body of its own.")]
    Community,

    [Description("A university or research institute (the CNCF landscape's Academic members).")]
    Academic,

    [Description("A non-profit organisation that is not a foundation hosting projects (the CNCF landscape's Nonprofit members).")]
    Nonprofit,
}

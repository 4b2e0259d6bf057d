using System.ComponentModel;

namespace Catalog.Model.Technologies;

/// <summary>A project's maturity level at the Cloud Native Computing Foundation, as the CNCF landscape records it.</summary>
public enum Maturity
{
    [Description("A CNCF project that has graduated: adopted widely in production, with a healthy contributor base and a completed security audit.")]
    Graduated,

    [Description("A CNCF project at the incubating level: used successfully in production by several adopters, growing towards graduation.")]
    Incubating,

    [Description("A CNCF project in the sandbox, the entry level for early-stage projects.")]
    Sandbox,

    [Description("A project the CNCF has archived: no longer actively developed under the foundation.")]
    Archived,
}

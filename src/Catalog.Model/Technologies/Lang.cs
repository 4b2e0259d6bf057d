using System.ComponentModel;

namespace Catalog.Model.Technologies;

/// <summary>The languages Catalog writes definitions and names in.</summary>
public enum Lang
{
    [Description("English.")]
    En,
    [Description("Japanese.")]
    Ja,
}

namespace Gongkai.Domain.Reports;

/// <summary>A row of one block of table 二, e.g. 规章.</summary>
/// <param name="KeyStem">The key up to the column, e.g. <c>proactive.art20_1.regulations</c>.</param>
/// <param name="Label">The exact printed row label.</param>
public sealed record ProactiveRow(string KeyStem, string Label)
{
    public string KeyFor(ProactiveColumn column) => KeyStem + "." + column.KeySuffix;
}

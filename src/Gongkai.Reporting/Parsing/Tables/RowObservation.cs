namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>A table row as found: its label token and the value tokens that followed it.</summary>
internal sealed class RowObservation(string key, TableToken label)
{
    public string Key { get; } = key;

    public TableToken Label { get; } = label;

    public List<TableToken> Values { get; } = [];
}

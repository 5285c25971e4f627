namespace Gongkai.Domain.Reports;

/// <summary>
/// A row of table 三 (收到和处理政府信息公开申请情况). Group rows (三、本年度办理结果, （三）不予公开 …)
/// have no key and no cells: in the printed table they are merged label cells with no subtotal.
/// </summary>
/// <param name="Key">The row key (ogi-rules §4.3), or null for a group row.</param>
/// <param name="Label">The exact printed label.</param>
/// <param name="Children">Sub-rows of a group row.</param>
public sealed record ApplicationRow(string? Key, string Label, IReadOnlyList<ApplicationRow> Children)
{
    public bool IsGroup => Key is null;

    public static ApplicationRow Data(string key, string label) => new(key, label, []);

    public static ApplicationRow Group(string label, params ApplicationRow[] children) => new(null, label, children);

    /// <summary>This row and its descendants that carry cells, in printed order.</summary>
    public IEnumerable<ApplicationRow> DataRows()
    {
        if (!IsGroup)
        {
            yield return this;
        }

        foreach (var child in Children)
        {
            foreach (var row in child.DataRows())
            {
                yield return row;
            }
        }
    }
}

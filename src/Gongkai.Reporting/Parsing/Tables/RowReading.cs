namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>
/// One candidate reading of a table 三 row: its seven cells (null = blank), which of them were
/// missing from the source (and so may be inferred), how plausible the reading is from the layout
/// alone, and how it was obtained.
/// </summary>
internal sealed record RowReading(int?[] Cells, bool[] Missing, double Prior, RowReadingKind Kind)
{
    public string Signature => string.Join(',', Cells.Select(c => c?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "_"));

    /// <summary>The cells as the sums see them (blank counts as 0).</summary>
    public string SumSignature => string.Join(',', Cells.Select(c => (c ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture)));
}

using System.Globalization;
using System.Text;

namespace Gongkai.Domain.Diagnostics;

/// <summary>
/// Where a diagnostic points: a section (<c>sec1</c>), a table cell (table + row key + column key),
/// a position in a source file (line:column), or the whole report.
/// </summary>
public sealed record DiagnosticLocation
{
    public static DiagnosticLocation Report { get; } = new();

    /// <summary><c>sec1</c> … <c>sec6</c>, or <c>meta</c> for agency/year/edition.</summary>
    public string? Section { get; init; }

    /// <summary><c>二</c>, <c>三</c> or <c>四</c>.</summary>
    public string? Table { get; init; }

    public string? RowKey { get; init; }

    public string? ColumnKey { get; init; }

    /// <summary>1-based line in the source file.</summary>
    public int? Line { get; init; }

    /// <summary>1-based column in the source line.</summary>
    public int? Column { get; init; }

    public static DiagnosticLocation InSection(string section) => new() { Section = section };

    public static DiagnosticLocation Meta(string field) => new() { Section = "meta", RowKey = field };

    public static DiagnosticLocation Cell(string table, string? rowKey, string? columnKey = null) =>
        new() { Table = table, RowKey = rowKey, ColumnKey = columnKey };

    public static DiagnosticLocation At(int line, int column = 1) => new() { Line = line, Column = column };

    public override string ToString()
    {
        var sb = new StringBuilder();
        if (Table is not null)
        {
            sb.Append('表').Append(Table);
            if (RowKey is not null)
            {
                sb.Append(' ').Append(RowKey);
            }

            if (ColumnKey is not null)
            {
                sb.Append('@').Append(ColumnKey);
            }
        }
        else if (Section is not null)
        {
            sb.Append(Section);
            if (RowKey is not null)
            {
                sb.Append('.').Append(RowKey);
            }
        }

        if (Line is not null)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(CultureInfo.InvariantCulture, $"{Line}:{Column ?? 1}");
        }

        return sb.Length == 0 ? "report" : sb.ToString();
    }
}

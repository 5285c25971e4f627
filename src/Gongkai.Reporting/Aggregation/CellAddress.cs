using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Aggregation;

/// <summary>
/// One cell of the statistical tables, named by the keys of <see cref="ReportSchema"/>:
/// <c>二/proactive.art20_5.licensing.decisions</c>, <c>三/apps.new_received/total</c>, <c>四/review.upheld</c>.
/// </summary>
/// <param name="Table">二, 三 or 四.</param>
/// <param name="Key">The table 二 or 四 cell key, or the table 三 row key.</param>
/// <param name="Column">The applicant column key for table 三, otherwise null.</param>
public readonly record struct CellAddress(string Table, string Key, string? Column)
{
    public static CellAddress Proactive(string key) => new("二", key, null);

    public static CellAddress Applications(string row, ApplicantColumn column) => new("三", row, column.Key());

    public static CellAddress Review(string key) => new("四", key, null);

    /// <summary>Parses the form written by <see cref="ToString"/>; false for anything else.</summary>
    public static bool TryParse(string? text, out CellAddress address)
    {
        var parts = (text ?? string.Empty).Split('/');
        address = parts switch
        {
            ["二" or "四", var key] when key.Length > 0 => new CellAddress(parts[0], key, null),
            ["三", var row, var column] when row.Length > 0 && column.Length > 0 => new CellAddress("三", row, column),
            _ => default,
        };
        return address.Table is not null;
    }

    /// <summary>A cell one of the two layouts has (a roll-up can hold it); an address of the right form may name none.</summary>
    public bool InEitherLayout => Known(Table, Key, Column);

    private static bool Known(string table, string key, string? column) => table switch
    {
        "二" => ReportSchema.Edition2019.ProactiveKeys.Contains(key) || ReportSchema.Edition2021.ProactiveKeys.Contains(key),
        "三" => (ReportSchema.Edition2019.IsApplicationRowKey(key) || ReportSchema.Edition2021.IsApplicationRowKey(key)) && ApplicantColumns.TryParseKey(column!, out _),
        "四" => ReportSchema.Edition2021.ReviewColumns.Any(c => c.Key == key) || ReportSchema.Edition2019.ReviewColumns.Any(c => c.Key == key),
        _ => false,
    };

    public override string ToString() => Column is null ? $"{Table}/{Key}" : $"{Table}/{Key}/{Column}";
}

namespace Gongkai.Domain.Reports;

/// <summary>
/// 政府信息公开工作年度报告 — one agency's annual report for one year, in one edition of the
/// national format (条例第四十九条、第五十条). Every cell is addressed by its stable key; a blank
/// cell (null) is kept apart from zero.
/// </summary>
public sealed class AnnualReport
{
    private readonly Dictionary<string, CellValue> _proactive = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Row, ApplicantColumn Column), int?> _applications = [];
    private readonly Dictionary<string, int?> _review = new(StringComparer.Ordinal);

    public AnnualReport(ReportEdition edition)
    {
        Edition = edition;
    }

    public ReportEdition Edition { get; }

    public ReportSchema Schema => ReportSchema.For(Edition);

    /// <summary>The reporting agency as printed in the title, or null when unknown.</summary>
    public string? Agency { get; set; }

    /// <summary>The report year (统计数据从该年1月1日至12月31日), or null when unknown.</summary>
    public int? Year { get; set; }

    public ReportSections Sections { get; } = new();

    /// <summary>A table 二 cell; blank unless set.</summary>
    public CellValue GetProactive(string key)
    {
        EnsureProactiveKey(key);
        return _proactive.TryGetValue(key, out var v) ? v : CellValue.Blank;
    }

    public void SetProactive(string key, CellValue value)
    {
        EnsureProactiveKey(key);
        _proactive[key] = value;
    }

    /// <summary>A table 三 cell: a count, or null for a blank cell.</summary>
    public int? GetApplications(string rowKey, ApplicantColumn column)
    {
        EnsureRowKey(rowKey);
        return _applications.TryGetValue((rowKey, column), out var v) ? v : null;
    }

    public void SetApplications(string rowKey, ApplicantColumn column, int? value)
    {
        EnsureRowKey(rowKey);
        _applications[(rowKey, column)] = value;
    }

    /// <summary>A table 四 cell: a count, or null for a blank cell.</summary>
    public int? GetReview(string key)
    {
        EnsureReviewKey(key);
        return _review.TryGetValue(key, out var v) ? v : null;
    }

    public void SetReview(string key, int? value)
    {
        EnsureReviewKey(key);
        _review[key] = value;
    }

    /// <summary>Every cell of table 三 with its address, in printed order.</summary>
    public IEnumerable<(string Row, ApplicantColumn Column, int? Value)> ApplicationCells() =>
        from row in Schema.ApplicationDataRows
        from column in ApplicantColumns.All
        select (row.Key!, column, GetApplications(row.Key!, column));

    /// <summary>A deep copy, for what-if edits and tests.</summary>
    public AnnualReport Clone()
    {
        var copy = new AnnualReport(Edition) { Agency = Agency, Year = Year };
        copy.Sections.Sec1 = Sections.Sec1;
        copy.Sections.Sec5 = Sections.Sec5;
        copy.Sections.Sec6 = Sections.Sec6;
        foreach (var (k, v) in _proactive)
        {
            copy._proactive[k] = v;
        }

        foreach (var (k, v) in _applications)
        {
            copy._applications[k] = v;
        }

        foreach (var (k, v) in _review)
        {
            copy._review[k] = v;
        }

        return copy;
    }

    private void EnsureProactiveKey(string key)
    {
        if (!Schema.IsProactiveKey(key))
        {
            throw new ArgumentException($"'{key}' is not a table 二 key of edition {Edition.ToCode()}.", nameof(key));
        }
    }

    private void EnsureRowKey(string key)
    {
        if (!Schema.IsApplicationRowKey(key))
        {
            throw new ArgumentException($"'{key}' is not a table 三 row key of edition {Edition.ToCode()}.", nameof(key));
        }
    }

    private void EnsureReviewKey(string key)
    {
        if (!Schema.ReviewColumns.Any(c => c.Key == key))
        {
            throw new ArgumentException($"'{key}' is not a table 四 key.", nameof(key));
        }
    }
}

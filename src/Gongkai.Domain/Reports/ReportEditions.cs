namespace Gongkai.Domain.Reports;

/// <summary>Conversions between <see cref="ReportEdition"/> and its canonical JSON spelling.</summary>
public static class ReportEditions
{
    public static string ToCode(this ReportEdition edition) => edition switch
    {
        ReportEdition.Edition2019 => "2019",
        ReportEdition.Edition2021 => "2021",
    };

    public static bool TryParse(string? code, out ReportEdition edition)
    {
        switch (code?.Trim())
        {
            case "2019":
                edition = ReportEdition.Edition2019;
                return true;
            case "2021":
                edition = ReportEdition.Edition2021;
                return true;
            default:
                edition = default;
                return false;
        }
    }

    /// <summary>
    /// The edition that applies to a report year (ogi-rules §1): 2019 and 2020 use the 2019 format,
    /// 2021 onward the 2021 format. Years before 2019 have no format under the revised Regulation.
    /// </summary>
    public static ReportEdition? ExpectedFor(int year) => year switch
    {
        < 2019 => null,
        2019 or 2020 => ReportEdition.Edition2019,
        _ => ReportEdition.Edition2021,
    };

    /// <summary>The document number of the format, for messages and rendered footers.</summary>
    public static string DocumentNumber(this ReportEdition edition) => edition switch
    {
        ReportEdition.Edition2019 => "国办公开办函〔2019〕60号",
        ReportEdition.Edition2021 => "国办公开办函〔2021〕30号",
    };
}

using Gongkai.Domain.Reports;
using Gongkai.Reporting.Json;

namespace Gongkai.Testing;

/// <summary>Known reports for tests: the hand-typed seed 004, and a clean 2019-format report.</summary>
public static class SampleReports
{
    /// <summary>青铜峡市 2021 (seed 004), figures typed by hand into samples/qingtongxia-2021.json.</summary>
    public static AnnualReport Qingtongxia2021()
    {
        var result = CanonicalJsonReader.Read(File.ReadAllText(RepoPaths.Samples("qingtongxia-2021.json")));
        return result.Report ?? throw new InvalidOperationException(string.Join("; ", result.Diagnostics));
    }

    /// <summary>A 2019-format report for 2020 whose tables add up and every cell is filled.</summary>
    public static AnnualReport Clean2019()
    {
        var r = new AnnualReport(ReportEdition.Edition2019)
        {
            Agency = "示例市人民政府办公室",
            Year = 2020,
        };
        r.Sections.Sec1 = "2020年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。";
        r.Sections.Sec5 = "主要问题是公开内容不够全面。下一步将加强培训。";
        r.Sections.Sec6 = "无其他需要报告的事项。";
        foreach (var key in r.Schema.ProactiveKeys)
        {
            r.SetProactive(key, CellValue.FromNumber(0));
        }

        r.SetProactive("proactive2019.art20_5.licensing.prev_year_items", CellValue.FromNumber(120));
        r.SetProactive("proactive2019.art20_5.licensing.delta", CellValue.Parse("-3"));
        r.SetProactive("proactive2019.art20_9.central_procurement.items", CellValue.FromText("3项(41笔)"));
        r.SetProactive("proactive2019.art20_9.central_procurement.amount", CellValue.Parse("4549040.96"));
        foreach (var (row, column, _) in r.ApplicationCells())
        {
            r.SetApplications(row, column, 0);
        }

        SetRow(r, ApplicationKeys.NewReceived, natural: 10, commercial: 2);
        SetRow(r, ApplicationKeys.CarriedOver, natural: 1, commercial: 0);
        SetRow(r, "apps.outcome.granted", natural: 6, commercial: 1);
        SetRow(r, "apps.outcome.partial", natural: 2, commercial: 0);
        SetRow(r, "apps.outcome.unavailable.not_held", natural: 1, commercial: 1);
        SetRow(r, ApplicationKeys.OutcomeOther2019, natural: 1, commercial: 0);
        SetRow(r, ApplicationKeys.OutcomeTotal, natural: 10, commercial: 2);
        SetRow(r, ApplicationKeys.CarriedForward, natural: 1, commercial: 0);
        foreach (var column in r.Schema.ReviewColumns)
        {
            r.SetReview(column.Key, 0);
        }

        r.SetReview("review.upheld", 1);
        r.SetReview("review.total", 1);
        return r;
    }

    private static void SetRow(AnnualReport r, string row, int natural, int commercial)
    {
        r.SetApplications(row, ApplicantColumn.NaturalPerson, natural);
        r.SetApplications(row, ApplicantColumn.Commercial, commercial);
        r.SetApplications(row, ApplicantColumn.Total, natural + commercial);
    }
}

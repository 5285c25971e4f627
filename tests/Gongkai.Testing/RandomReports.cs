using System.Globalization;
using Gongkai.Domain.Reports;

namespace Gongkai.Testing;

/// <summary>
/// Filled reports whose tables add up (C-01…C-05 hold), from a seeded generator: the same seed gives
/// the same report on every machine.
/// </summary>
public static class RandomReports
{
    /// <summary>A report of <paramref name="agency"/> for <paramref name="year"/>, in the layout that year's reports use.</summary>
    public static AnnualReport Create(int seed, string agency, int year)
    {
        var report = Create(seed, ReportEditions.ExpectedFor(year) ?? throw new ArgumentOutOfRangeException(nameof(year), year, "No layout for that year."));
        report.Agency = agency;
        report.Year = year;
        return report;
    }

    public static AnnualReport Create(int seed, ReportEdition edition, double blankShare = 0)
    {
        var random = new Random(seed);
        var report = new AnnualReport(edition)
        {
            Agency = Pick(random, ["示例市人民政府办公室", "某某县自然资源局", "某某区教育局", "某某市生态环境局"]),
            Year = edition == ReportEdition.Edition2019 ? 2019 + random.Next(2) : 2021 + random.Next(5),
        };
        report.Sections.Sec1 = $"{report.Year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息{random.Next(100, 5000)}条。\n（一）主动公开情况。按照要求及时公开各类信息。";
        report.Sections.Sec5 = "存在的主要问题是公开内容不够全面。\n下一步将加强业务培训，提高公开质量。";
        report.Sections.Sec6 = edition == ReportEdition.Edition2021 ? "本年度未收取信息处理费。" : "无其他需要报告的事项。";

        foreach (var block in report.Schema.ProactiveBlocks)
        {
            foreach (var (_, column, key) in block.Cells())
            {
                report.SetProactive(key, column.Kind switch
                {
                    ValueKind.Count => CellValue.FromNumber(random.Next(0, 3000)),
                    ValueKind.SignedCount => CellValue.FromNumber(random.Next(-20, 21)),
                    ValueKind.Money => CellValue.Parse((random.Next(0, 2_000_000) / 10000m).ToString("0.0000", CultureInfo.InvariantCulture)),
                });
            }
        }

        var outcomes = report.Schema.OutcomeRowKeys;
        foreach (var column in ApplicantColumns.Categories)
        {
            var small = column != ApplicantColumn.NaturalPerson;
            var received = random.Next(0, small ? 6 : 60);
            var over = random.Next(0, small ? 2 : 6);
            var forward = random.Next(0, Math.Min(3, received + over) + 1);
            var decided = received + over - forward;
            var counts = new int[outcomes.Count];
            for (var k = 0; k < decided; k++)
            {
                counts[random.Next(random.Next(2) == 0 ? 3 : outcomes.Count)]++;
            }

            report.SetApplications(ApplicationKeys.NewReceived, column, received);
            report.SetApplications(ApplicationKeys.CarriedOver, column, over);
            report.SetApplications(ApplicationKeys.CarriedForward, column, forward);
            report.SetApplications(ApplicationKeys.OutcomeTotal, column, decided);
            for (var o = 0; o < outcomes.Count; o++)
            {
                report.SetApplications(outcomes[o], column, counts[o]);
            }
        }

        foreach (var row in report.Schema.ApplicationDataRows)
        {
            report.SetApplications(row.Key!, ApplicantColumn.Total, ApplicantColumns.Categories.Sum(c => report.GetApplications(row.Key!, c) ?? 0));
        }

        foreach (var group in report.Schema.ReviewColumns.GroupBy(c => c.Group))
        {
            var parts = group.Where(c => !c.IsTotal).Select(c => (c.Key, Value: random.Next(0, 4))).ToArray();
            foreach (var (key, value) in parts)
            {
                report.SetReview(key, value);
            }

            report.SetReview(group.Single(c => c.IsTotal).Key, parts.Sum(p => p.Value));
        }

        if (blankShare > 0)
        {
            foreach (var key in report.Schema.ProactiveKeys.Where(_ => random.NextDouble() < blankShare))
            {
                report.SetProactive(key, CellValue.Blank);
            }
        }

        return report;
    }

    private static string Pick(Random random, string[] options) => options[random.Next(options.Length)];
}

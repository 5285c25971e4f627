using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.Reporting.Json;
using Gongkai.Reporting.Rendering;
using Gongkai.UseCases.Reports;
using Gongkai.UseCases.Supervision;
using Gongkai.UseCases.Time;

namespace Gongkai.UseCases.Demo;

/// <summary>
/// The demo city's annual reports for the last two years, so the supervisor's overview has something to show:
/// reports published in Gongkai (tables from the cases), some on time, some late (after 31 January for a
/// department, 31 March for a district government), one with a table error; some agencies' reports collected from
/// files (one with an uncertain reading to confirm); last year also a draft and an agency that has not started.
/// A publication day still in the future (a demo started early in the year) is taken as today.
/// </summary>
public sealed class SupervisionDemo(GongkaiDbContext db, TimeProvider time)
{
    /// <summary>What each agency did for a year: published on (month, day) of the next year, collected, draft or nothing.</summary>
    private enum Plan { Publish, PublishWithError, CollectHtml, CollectText, Draft, Nothing }

    private static readonly IReadOnlyDictionary<string, (Plan Plan, int Month, int Day)> LastYear = new Dictionary<string, (Plan, int, int)>
    {
        ["DEMO-FGW"] = (Plan.Publish, 1, 20),
        ["DEMO-JYJ"] = (Plan.Publish, 2, 10),
        ["DEMO-GAJ"] = (Plan.PublishWithError, 1, 25),
        ["DEMO-CZJ"] = (Plan.CollectHtml, 1, 28),
        ["DEMO-ZRJ"] = (Plan.CollectText, 2, 3),
        ["DEMO-HBJ"] = (Plan.Draft, 0, 0),
        ["DEMO-ZJJ"] = (Plan.Nothing, 0, 0),
        ["DEMO-WJW"] = (Plan.Publish, 1, 15),
        ["DEMO-DQ"] = (Plan.Publish, 3, 20),
        ["DEMO-XQ"] = (Plan.Publish, 4, 8),
        ["DEMO-NQ"] = (Plan.CollectHtml, 3, 25),
    };

    public void Run()
    {
        var last = ChinaDate.Today(time).Year - 1;
        foreach (var (code, plan) in LastYear)
        {
            Seed(code, last - 1, plan.Plan is Plan.Draft or Plan.Nothing or Plan.PublishWithError ? (Plan.Publish, 1, 18) : plan);
            Seed(code, last, plan);
        }
    }

    private void Seed(string code, int year, (Plan Plan, int Month, int Day) plan)
    {
        if (plan.Plan == Plan.Nothing)
        {
            return;
        }

        // Seeding runs once at startup or from the command line, never on a request: waiting here is harmless.
        var generator = new GenerateAnnualReport(db);
        var report = generator.RunAsync(code, year).GetAwaiter().GetResult()!;
        // Table 二 as the agency's demo catalogue and decision figures give it (a report generated later from the registry
        // then agrees with the one published here: 生态环境局's 2024 printed 45 in force, the registry gave 37, and the next
        // year's report met GK2007); made-up figures only where the registry holds none.
        var fromRegistry = generator.RegistryKeys.ToHashSet(StringComparer.Ordinal);
        foreach (var key in report.Schema.ProactiveKeys.Where(k => !fromRegistry.Contains(k)))
        {
            report.SetProactive(key, Proactive(code, year, key));
        }

        report.Sections.Sec1 = $"{year}年，{report.Agency}认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息，依法办理政府信息公开申请。";
        report.Sections.Sec5 = "存在的主要问题是公开内容的规范性有待提高。下一步将加强培训和督促检查。";
        report.Sections.Sec6 = "本年度未收取信息处理费。";
        var on = plan.Month == 0 ? (DateOnly?)null : new DateOnly(year + 1, plan.Month, plan.Day);
        // A day still ahead (a demo started between January and early April) is today: the overview shows the same
        // statuses all year (only which reports are late depends on the season), and neither the demo nor the tests
        // read from it change with the date.
        var today = ChinaDate.Today(time);
        on = on > today ? today : on;
        if (plan.Plan == Plan.Draft)
        {
            db.ReportDrafts.Add(new ReportDraftRow { AgencyCode = code, Year = year, Json = CanonicalJsonWriter.Write(report), UpdatedAtUtcTicks = time.GetUtcNow().UtcTicks, UpdatedBy = "demo" });
            db.SaveChanges();
            return;
        }

        var instant = new DateTimeOffset(on!.Value.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
        switch (plan.Plan)
        {
            case Plan.Publish or Plan.PublishWithError:
                if (plan.Plan == Plan.PublishWithError)
                {
                    // A typing slip the validator catches (C-03: the row's total is not the sum of its columns).
                    var total = report.GetApplications(ApplicationKeys.NewReceived, ApplicantColumn.Total) ?? 0;
                    report.SetApplications(ApplicationKeys.NewReceived, ApplicantColumn.Total, total + 10);
                }

                db.ReportVersions.Add(new ReportVersionRow { AgencyCode = code, Year = year, Number = 1, Json = CanonicalJsonWriter.Write(report), PublishedAtUtcTicks = instant.UtcTicks, PublishedBy = "demo" });
                db.SaveChanges();
                break;
            default:
                var bytes = plan.Plan == Plan.CollectHtml
                    ? Encoding.UTF8.GetBytes(ReportRenderer.RenderToString(report, RenderFormat.Html))
                    : Encoding.UTF8.GetBytes(Uncertain(ReportRenderer.RenderToString(report, RenderFormat.Text)));
                var name = $"{report.Agency}{year}年政府信息公开工作年度报告{(plan.Plan == Plan.CollectHtml ? ".html" : ".txt")}";
                new CollectReports(db, new FixedClock(instant.AddDays(3))).CollectAsync(DemoCity.Office, [new CollectReports.SourceFile(name, bytes)], year, "supervisor", on).GetAwaiter().GetResult();
                break;
        }
    }

    /// <summary>
    /// Table 二 as an agency of its kind would print it: no 规章 (a department or a district has no power to make them),
    /// a few 行政规范性文件 a year with the number in force carried from year to year (last year's + issued − repealed,
    /// so the year-on-year check C-07 holds), licences by the hundred, penalties by the ten, a fee income in 万元.
    /// The same agency and year always give the same figures.
    /// </summary>
    internal static CellValue Proactive(string code, int year, string key)
    {
        var stem = key[..key.LastIndexOf('.')];
        int Hash(int of) => Math.Abs(code.Aggregate(17 + (stem.Length * 31), (h, c) => unchecked((h * 31) + c)) ^ (of * 7919)) % 1000;
        int Issued(int y) => 1 + (Hash(y) % 6);
        int Repealed(int y) => Hash(y + 5000) % 3;
        if (stem.EndsWith(".regulations", StringComparison.Ordinal))
        {
            return CellValue.FromNumber(0);
        }

        return key[(key.LastIndexOf('.') + 1)..] switch
        {
            "issued" or "made" or "published" => CellValue.FromNumber(Issued(year)),
            "repealed" => CellValue.FromNumber(Repealed(year)),
            "in_force" => CellValue.FromNumber(20 + (Hash(0) % 30) + Enumerable.Range(2019, Math.Max(0, year - 2018)).Sum(y => Issued(y) - Repealed(y))),
            "public_total" => CellValue.FromNumber(20 + (Hash(0) % 30) + Enumerable.Range(2019, Math.Max(0, year - 2018)).Sum(Issued)),
            "amount_wan_yuan" or "amount" => CellValue.Parse((Hash(year) / 10m).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)),
            "delta" => CellValue.FromNumber((Hash(year) % 7) - 3),
            _ when stem.EndsWith(".licensing", StringComparison.Ordinal) => CellValue.FromNumber(30 + (Hash(year) % 400)),
            _ when stem.EndsWith(".coercion", StringComparison.Ordinal) => CellValue.FromNumber(Hash(year) % 9),
            _ => CellValue.FromNumber(Hash(year) % 60),
        };
    }

    /// <summary>Drops one cell of the first outcome row, as a careless copy from a PDF does: the importer infers or aligns it.</summary>
    private static string Uncertain(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var cells = lines[i].Split('\t');
            var at = Array.IndexOf(cells, "（一）予以公开");
            if (at >= 0 && cells.Length > at + 3)
            {
                lines[i] = string.Join('\t', cells.Where((_, n) => n != at + 3));
                break;
            }
        }

        return string.Join('\n', lines);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

using System.Globalization;
using Gongkai.Domain.Registry;
using Gongkai.Persistence;
using Gongkai.Persistence.Registry;
using Gongkai.UseCases.Time;

namespace Gongkai.UseCases.Registry;

/// <summary>
/// A demo catalogue for an agency: about a hundred published items a year over the demo years (规章 for the
/// government office, 行政规范性文件 with their 政策解读, the other 第二十条 items), some later repealed, expired or
/// amended; this year's items partly still in review (some past the 20 working days of 条例第二十六条); and the yearly
/// licensing, penalty, coercion and fee figures. The same seed gives the same catalogue.
/// </summary>
public sealed class DemoRegistrySeeder(GongkaiDbContext db, TimeProvider time)
{
    private static readonly string[] Subjects =
    [
        "老旧小区改造", "城市道路停车管理", "生活垃圾分类", "农村人居环境整治", "中小企业融资支持", "高校毕业生就业创业", "养老服务设施建设",
        "建设工程消防设计审查", "湿地保护修复", "公共租赁住房保障", "食品小作坊登记", "住房公积金提取", "困难群众临时救助", "校外培训机构监管",
        "安全生产责任落实", "政府投资项目管理", "行政执法公示", "优化营商环境", "文物保护利用", "河湖长制工作",
    ];

    private static readonly (DocumentCategory Category, int Weight, string Pattern)[] Kinds =
    [
        (DocumentCategory.NormativeDocument, 25, "关于进一步加强{0}工作的通知"),
        (DocumentCategory.NormativeDocument, 10, "{0}管理办法"),
        (DocumentCategory.Regulation, 3, "示例市{0}管理规定"),
        (DocumentCategory.Functions, 3, "{0}工作领导小组成员调整情况"),
        (DocumentCategory.Plans, 5, "示例市{0}专项规划（{1}—{2}年）"),
        (DocumentCategory.Statistics, 6, "{1}年{0}统计数据"),
        (DocumentCategory.Licensing, 8, "{0}行政许可事项办理结果公示"),
        (DocumentCategory.PenaltyCoercion, 8, "{0}行政处罚决定书"),
        (DocumentCategory.Budget, 3, "{1}年度{0}专项资金预算"),
        (DocumentCategory.Fees, 2, "{0}行政事业性收费项目及标准"),
        (DocumentCategory.Procurement, 4, "{0}项目政府采购结果公告"),
        (DocumentCategory.Livelihood, 8, "{0}政策措施实施情况"),
        (DocumentCategory.Emergencies, 3, "{0}突发事件应急预案"),
        (DocumentCategory.Inspections, 5, "{1}年{0}监督检查情况通报"),
        (DocumentCategory.CivilServiceRecruitment, 2, "{1}年度考试录用公务员拟录用人员公示"),
        (DocumentCategory.Other, 5, "{0}工作动态"),
    ];

    public int Run(string agency, int firstYear, int lastYear, int perYear = 100, int seed = 20261206)
    {
        var agencyName = db.Agencies.Where(a => a.Code == agency).Select(a => a.Name).Single();
        var random = new Random(seed ^ agency.Sum(c => (int)c)); // string.GetHashCode is randomised per process
        var today = ChinaDate.Today(time);
        var now = time.GetUtcNow().UtcTicks;
        var total = Kinds.Sum(k => k.Weight);
        var documents = new List<RegistryDocumentRow>();
        for (var year = firstYear; year <= today.Year; year++)
        {
            var current = year == today.Year;
            var count = current ? Math.Max(5, perYear * today.DayOfYear / 365) : perYear;
            var lastDay = current ? today : new DateOnly(year, 12, 31);
            for (var i = 1; i <= count; i++)
            {
                var pick = random.Next(total);
                var kind = Kinds.First(k => (pick -= k.Weight) < 0);
                var subject = Subjects[random.Next(Subjects.Length)];
                var formed = new DateOnly(year, 1, 2).AddDays(random.Next(Math.Max(1, lastDay.DayNumber - new DateOnly(year, 1, 2).DayNumber)));
                var published = formed.AddDays(random.Next(1, 25));
                var pending = current && published > today.AddDays(-10);
                var doc = new RegistryDocumentRow
                {
                    AgencyCode = agency,
                    IndexNumber = string.Create(CultureInfo.InvariantCulture, $"{agency}/{year}-{i:D5}"),
                    IndexScheme = IndexNumberScheme.DefaultPattern,
                    Title = string.Format(CultureInfo.InvariantCulture, kind.Pattern, subject, year, year + 4),
                    Publisher = agencyName,
                    DocumentNumber = kind.Category is DocumentCategory.NormativeDocument or DocumentCategory.Regulation
                        ? string.Create(CultureInfo.InvariantCulture, $"示政{(kind.Category == DocumentCategory.Regulation ? "令" : "规")}〔{year}〕{i}号") : null,
                    RegistrationNumber = kind.Category == DocumentCategory.NormativeDocument ? string.Create(CultureInfo.InvariantCulture, $"SZGS—{year}—{i}") : null,
                    Topic = Topics.All[random.Next(Topics.All.Count)],
                    Category = (int)kind.Category,
                    FormedOn = formed,
                    PublishedOn = pending ? null : published,
                    DisclosureMode = (int)DisclosureMode.Proactive,
                    Body = $"各有关单位：\n为做好{subject}工作，根据有关法律法规和上级部署，结合本市实际，现就有关事项通知如下。\n一、明确目标任务。\n二、压实工作责任。\n三、加强监督检查。\n本文件自印发之日起施行。",
                    State = pending ? random.Next(4) : (int)ReviewState.Published,
                    Author = "clerk",
                    CreatedAtUtcTicks = now,
                    Version = 1,
                };
                // Some normative documents and regulations end: repealed or expired in a later year (table 二 本年废止).
                if (!pending && kind.Category is DocumentCategory.NormativeDocument or DocumentCategory.Regulation && random.Next(6) == 0)
                {
                    var end = published.AddDays(random.Next(200, 1000));
                    if (end < today)
                    {
                        var expired = random.Next(3) == 0;
                        doc.Validity = (int)(expired ? Validity.Expired : Validity.Repealed);
                        doc.RepealedOn = expired ? null : end;
                        doc.ExpiredOn = expired ? end : null;
                    }
                }

                documents.Add(doc);
            }
        }

        db.Set<RegistryDocumentRow>().AddRange(documents);
        db.SaveChanges();

        // 政策解读 for most normative documents (三同步), saved after them for the link.
        var interpretations = documents
            .Where(d => d.Category == (int)DocumentCategory.NormativeDocument && d.PublishedOn is not null && random.Next(4) != 0)
            .Select(d => new RegistryDocumentRow
            {
                AgencyCode = agency,
                IndexNumber = d.IndexNumber + "-JD",
                IndexScheme = "demo",
                Title = "《" + d.Title + "》政策解读",
                Publisher = agencyName,
                Topic = d.Topic,
                Category = (int)DocumentCategory.Interpretation,
                FormedOn = d.FormedOn,
                PublishedOn = d.PublishedOn,
                DisclosureMode = (int)DisclosureMode.Proactive,
                Body = $"一、起草背景。\n二、主要内容：{d.Title}明确了工作目标、职责分工和保障措施。\n三、解读机关及联系方式：{agencyName}。",
                State = (int)ReviewState.Published,
                Author = "clerk",
                InterpretsId = d.Id,
                CreatedAtUtcTicks = now,
                Version = 1,
            }).ToList();
        db.Set<RegistryDocumentRow>().AddRange(interpretations);
        for (var year = firstYear; year <= lastYear; year++)
        {
            db.Set<DecisionCountsRow>().Add(new DecisionCountsRow
            {
                AgencyCode = agency,
                Year = year,
                Licensing = random.Next(200, 3000),
                Penalty = random.Next(20, 600),
                Coercion = random.Next(0, 40),
                FeesYuan = random.Next(0, 50_000) * 100m,
                Source = "演示数据",
                ImportedAtUtcTicks = now,
            });
        }

        db.SaveChanges();
        db.ChangeTracker.Clear();
        return documents.Count + interpretations.Count;
    }
}

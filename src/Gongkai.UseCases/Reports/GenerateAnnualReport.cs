using System.Globalization;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Registry;
using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.UseCases.Registry;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Reports;

/// <summary>
/// The annual report of an agency for a year, generated from its records: tables 三 and 四 aggregated in
/// the database, a draft of sections 一 and 六 from the figures (fee collection is reported in 六, I-09).
/// Table 二 comes from the proactive-disclosure registry where it holds the figures (<see cref="RegistryTableTwo"/>);
/// the rest of table 二 and section 五 are the officers' to fill in.
/// </summary>
public sealed class GenerateAnnualReport(GongkaiDbContext db, TableTwoCounting? counting = null)
{
    /// <summary>The table 二 keys the last <see cref="RunAsync"/> filled from the registry.</summary>
    public IReadOnlyList<string> RegistryKeys { get; private set; } = [];

    public async Task<AnnualReport?> RunAsync(string agencyCode, int year, CancellationToken cancellationToken = default)
    {
        var agency = await db.Agencies.FindAsync([agencyCode], cancellationToken);
        if (agency is null)
        {
            return null;
        }

        var report = await new CaseStore(db).AnnualTablesAsync(agencyCode, year, cancel: cancellationToken);
        report.Agency = agency.Name;
        RegistryKeys = await new RegistryTableTwo(db, counting).FillAsync(report, agencyCode, year, cancellationToken);
        int Cell(string row) => report.GetApplications(row, ApplicantColumn.Total) ?? 0;
        report.Sections.Sec1 = string.Create(CultureInfo.InvariantCulture,
            $"{year}年，{agency.Name}认真贯彻落实《中华人民共和国政府信息公开条例》。全年新收政府信息公开申请{Cell(ApplicationKeys.NewReceived)}件，上年结转{Cell(ApplicationKeys.CarriedOver)}件，办结{Cell(ApplicationKeys.OutcomeTotal)}件，结转下年度继续办理{Cell(ApplicationKeys.CarriedForward)}件。");

        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var fees = await db.Applications.Where(a => a.AgencyCode == agencyCode && a.FeeNoticeOn >= start && a.FeeNoticeOn <= end && a.Outcome != (int)Outcome.OtherFeeUnpaid)
            .Select(a => a.FeeAmount).ToListAsync(cancellationToken);
        var paid = fees.Where(f => f is not null).Sum(f => f!.Value);
        report.Sections.Sec6 = fees.Count == 0
            ? $"本年度未收取信息处理费。"
            : string.Create(CultureInfo.InvariantCulture, $"本年度依据《政府信息公开信息处理费管理办法》对{fees.Count}件申请收取信息处理费，共计{paid:0.##}元。");
        return report;
    }
}

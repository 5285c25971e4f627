using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Deadlines;
using Gongkai.Domain.Fees;
using Gongkai.Domain.Organisation;
using Gongkai.Domain.Reviews;
using Gongkai.Persistence;

namespace Gongkai.UseCases.Demo;

/// <summary>
/// Realistic demo records, made through the aggregate's own transitions (so every rule holds): mostly
/// natural persons; outcomes weighted as published reports show them; about one in ten corrected, some
/// extended, consulted, charged; reconsiderations and lawsuits; receipt dates on working days around the
/// holidays. The same seed gives the same data.
/// </summary>
public sealed class DemoSeeder(GongkaiDbContext db, WorkingDayCalendar calendar, TimeProvider time)
{
    private static readonly (Outcome Outcome, int Weight)[] OutcomeWeights =
    [
        (Outcome.Granted, 40), (Outcome.Partial, 8), (Outcome.WithheldThirdPartyRights, 2), (Outcome.WithheldProcessInfo, 2),
        (Outcome.WithheldInternalAffairs, 1), (Outcome.WithheldStateSecret, 1), (Outcome.WithheldEnforcementFile, 1),
        (Outcome.WithheldAdministrativeInquiry, 2), (Outcome.UnavailableNotHeld, 18), (Outcome.UnavailableNeedsCreation, 4),
        (Outcome.NotProcessedPetitionComplaint, 4), (Outcome.NotProcessedDuplicate, 3), (Outcome.NotProcessedPublication, 1),
        (Outcome.NotProcessedMassRepeated, 1), (Outcome.NotProcessedConfirmOrReissue, 2), (Outcome.OtherOther, 2),
    ];

    private static readonly string[] Requests =
    [
        "本区2023年度老旧小区改造项目清单及资金使用情况", "某某路段道路拓宽工程的征收补偿方案", "本单位2022年部门决算", "某企业环境影响评价文件的批复",
        "关于某地块土地出让的批准文件", "本镇低保户名单及审核标准", "某小学新校区建设项目的立项批复", "2023年第三季度食品安全抽检结果",
    ];

    public (int Agencies, int Applications, int Reviews) Run(int agencies, int casesPerAgency, int years, int seed = 20261122)
    {
        var random = new Random(seed);
        var store = new CaseStore(db);
        var total = 0;
        var reviewCount = 0;
        for (var n = 1; n <= agencies; n++)
        {
            var code = n == 1 ? "DEMO" : $"DEMO{n:D2}";
            // The office at the top is the city government's, as in the web demo (DemoCity) and as `agency add` makes a top agency.
            store.AddAgency(code, n == 1 ? "示例市人民政府办公室" : $"示例市第{n}局", n == 1 ? null : "DEMO", n == 1 ? AgencyKind.Government : null);
            var (cases, reviews) = RunHistory(random, code, casesPerAgency, years);
            total += cases;
            reviewCount += reviews;
        }

        return (agencies, total, reviewCount);
    }

    /// <summary>Past years' decided cases (and some reviews) of one existing agency, up to last year.</summary>
    public (int Applications, int Reviews) RunHistory(Random random, string code, int casesPerAgency, int years)
    {
        var store = new CaseStore(db);
        var lastYear = time.GetUtcNow().Year - 1;
        var firstYear = lastYear - years + 1;
        var policy = DeadlinePolicy.Default;
        var cases = new List<DisclosureApplication>();
        var reviews = new List<ReviewCase>();
        for (var i = 0; i < casesPerAgency; i++)
        {
            var a = MakeCase(random, code, $"{code}-{firstYear}-{i + 1:D6}", firstYear, years, policy);
            cases.Add(a);
            if (a.Outcome is Outcome.WithheldThirdPartyRights or Outcome.UnavailableNotHeld or Outcome.Partial && random.Next(12) == 0)
            {
                var filed = a.DecidedOn!.Value.AddDays(random.Next(10, 55));
                var decided = random.Next(5) == 0 ? (DateOnly?)null : filed.AddDays(random.Next(30, 150));
                var kind = (ReviewKind)random.Next(3);
                var result = decided is null ? ReviewResult.Pending : (ReviewResult)random.Next(1, 4);
                reviews.Add(new ReviewCase(Guid.NewGuid(), code, a.Id, kind, filed, result, decided, kind == ReviewKind.LitigationAfterReconsideration && random.Next(4) == 0));
            }
        }

        store.AddRange(cases, reviews);
        // The catalogue goes back further than the cases (an agency's documents outlive its applications): four years at least.
        new Registry.DemoRegistrySeeder(db, time).Run(code, Math.Min(firstYear, lastYear - 3), lastYear, perYear: casesPerAgency >= 100 ? 100 : 40);
        return (cases.Count, reviews.Count);
    }

    /// <summary>
    /// This year's work so far, for the officers' queue: cases received from 1 January to today, a third of them in
    /// the last six weeks. Older ones are decided; recent ones are in every open state (in progress, awaiting
    /// correction, in consultation, extended) — those nobody acted on for 20 working days are overdue, as in real
    /// offices — and most are assigned to one of <paramref name="officers"/>. Nothing is dated after today.
    /// </summary>
    public int RunCurrentYear(string agency, int count, IReadOnlyList<string> officers, int seed = 20261123)
    {
        var random = new Random(seed);
        var policy = DeadlinePolicy.Default;
        var today = Time.ChinaDate.Today(time);
        var first = new DateOnly(today.Year, 1, 1);
        var firstWorkingDay = WorkingDays.Add(calendar, first.AddDays(-1), 1);
        if (firstWorkingDay > today)
        {
            return 0; // New Year's holiday: nothing received yet this year
        }

        var numbers = new HashSet<string>(StringComparer.Ordinal);
        var cases = new List<(DisclosureApplication Application, string? Officer)>();
        for (var i = 0; i < count; i++)
        {
            var day = today.AddDays(-(i % 3 == 0 ? random.Next(42) : random.Next(today.DayNumber - first.DayNumber + 1)));
            while (!calendar.IsWorkingDay(day))
            {
                day = day.AddDays(-1);
            }

            if (day < first)
            {
                day = firstWorkingDay;
            }

            string tracking;
            do
            {
                tracking = Applications.TrackingNumbers.Format(agency, day, random.Next(Applications.TrackingNumbers.MinSerial, Applications.TrackingNumbers.MaxSerialExclusive));
            }
            while (!numbers.Add(tracking));

            var a = NewApplication(random, agency, tracking, day);
            ProgressThisYear(random, a, today, policy);
            var officer = a.State != ApplicationState.Closed && random.Next(5) == 0 ? null : officers[random.Next(officers.Count)];
            cases.Add((a, officer));
        }

        SubmitOneForApproval(cases, officers[0], today);
        var store = new CaseStore(db);
        store.AddRange(cases.Select(c => c.Application), assign: cases.ToDictionary(c => c.Application.Id, c => c.Officer));

        // What last year carried forward was answered in January, in time: an office does not leave it open all year.
        var carried = store.Load(db.Applications.Where(r => r.AgencyCode == agency && r.State != (int)ApplicationState.Closed && r.FirstReceivedOn < first).OrderBy(r => r.TrackingNumber));
        foreach (var (a, _) in carried)
        {
            var version = a.Version;
            var due = a.ReplyDeadline(calendar, policy, today)?.EffectiveDue ?? first;
            var from = a.ReceivedOn > first ? a.ReceivedOn : first.AddDays(-1);
            var on = WorkingDays.Add(calendar, from, random.Next(1, 10));
            on = on > due ? due : on;
            if (on > today || !Decide(random, a, on))
            {
                continue;
            }

            store.Save(a, version);
        }

        return cases.Count;
    }

    private void ProgressThisYear(Random random, DisclosureApplication a, DateOnly today, DeadlinePolicy policy)
    {
        var at = time.GetUtcNow();
        DateOnly? After(DateOnly from, int workingDays)
        {
            var day = WorkingDays.Add(calendar, from, workingDays);
            return day <= today ? day : null;
        }

        var scenario = random.Next(10);
        if (After(a.ReceivedOn, 30) is not null)
        {
            scenario = 9; // long enough ago: decided
        }

        switch (scenario)
        {
            case 0 or 1 when After(a.ReceivedOn, random.Next(1, 4)) is { } notice:
                a.RequestCorrection(notice, WorkingDays.Add(calendar, notice, 15), "请补充所需信息的名称、文号或者其他特征性描述", at, "demo", calendar, policy);
                break;
            case 2 when After(a.ReceivedOn, 2) is { } start:
                a.StartConsultation(start, "第三方", at, "demo");
                break;
            case 3 or 4 when After(a.ReceivedOn, 12) is { } on:
                a.Extend(random.Next(5, 21), on, approvedByOfficeHead: true, "需要调取档案", at, "demo", calendar, policy);
                break;
            case 5 or 6 or 9:
                var due = a.ReplyDeadline(calendar, policy, today)!.EffectiveDue;
                var decideOn = WorkingDays.Add(calendar, a.ReceivedOn, random.Next(1, 18));
                decideOn = decideOn > due ? due : decideOn;
                if (decideOn <= today)
                {
                    Decide(random, a, decideOn);
                }

                break;
        }
    }

    private DisclosureApplication MakeCase(Random random, string agency, string tracking, int firstYear, int years, DeadlinePolicy policy)
    {
        var at = time.GetUtcNow();
        var day = new DateOnly(firstYear, 1, 1).AddDays(random.Next(years * 365));
        while (!calendar.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        var a = NewApplication(random, agency, tracking, day);
        if (random.Next(10) == 0)
        {
            var notice = WorkingDays.Add(calendar, day, random.Next(1, 7));
            a.RequestCorrection(notice, WorkingDays.Add(calendar, notice, 15), "请补充所需信息的名称、文号或者其他特征性描述", at, "demo", calendar, policy);
            if (random.Next(5) == 0)
            {
                a.CloseForMissedCorrection(WorkingDays.Add(calendar, notice, 16), at, "demo");
                return a;
            }

            a.RecordCorrection(WorkingDays.Add(calendar, notice, random.Next(1, 15)), "已补正", at, "demo");
        }

        var cursor = a.ReceivedOn;
        if (random.Next(12) == 0)
        {
            var start = WorkingDays.Add(calendar, cursor, random.Next(2, 8));
            a.StartConsultation(start, "第三方", at, "demo");
            cursor = WorkingDays.Add(calendar, start, random.Next(5, 16));
            a.EndConsultation(cursor, "第三方答复", at, "demo");
        }

        if (random.Next(15) == 0)
        {
            a.Extend(random.Next(5, 21), WorkingDays.Add(calendar, cursor, random.Next(10, 18)), approvedByOfficeHead: true, "需要调取档案", at, "demo", calendar, policy);
        }

        if (random.Next(60) == 0)
        {
            var notice = WorkingDays.Add(calendar, cursor, random.Next(1, 5));
            a.IssueFeeNotice(notice, FeeCalculator.PerPiece(10 + random.Next(5), random.Next(1, 20)) + 100, "按件计收", at, "demo", calendar, policy);
            if (random.Next(3) == 0)
            {
                a.CloseForUnpaidFee(WorkingDays.Add(calendar, notice, 21), at, "demo", calendar, policy);
                return a;
            }

            cursor = WorkingDays.Add(calendar, notice, random.Next(1, 20));
            a.RecordPayment(cursor, at, "demo", calendar, policy);
        }

        var due = a.ReplyDeadline(calendar, policy, cursor)!.EffectiveDue;
        var decideOn = WorkingDays.Add(calendar, cursor, random.Next(1, 18));
        if (decideOn > due)
        {
            decideOn = due;
        }

        // Cases received late in the last year may still be open: they carry forward.
        if (decideOn.Year > time.GetUtcNow().Year - 1 && random.Next(2) == 0)
        {
            return a;
        }

        Decide(random, a, decideOn);
        return a;
    }

    private DisclosureApplication NewApplication(Random random, string agency, string tracking, DateOnly day)
    {
        var at = time.GetUtcNow();
        var category = random.Next(100) switch
        {
            < 78 => ApplicantCategory.NaturalPerson,
            < 88 => ApplicantCategory.Commercial,
            < 90 => ApplicantCategory.Research,
            < 92 => ApplicantCategory.SocialWelfare,
            < 96 => ApplicantCategory.LegalService,
            _ => ApplicantCategory.OtherOrganisation,
        };
        var name = category == ApplicantCategory.NaturalPerson ? "申请人" + random.Next(1000, 9999) : "某某单位" + random.Next(100, 999);
        var channel = (ReceiptChannel)random.Next(5);
        return DisclosureApplication.Receive(Guid.NewGuid(), agency, tracking,
            new Applicant(category, name, "1101011990" + random.Next(10000000, 99999999), "138" + random.Next(10000000, 99999999)),
            Requests[random.Next(Requests.Length)], random.Next(2) == 0 ? "电子邮件" : "邮寄纸质件", channel, day, at, "demo");
    }

    /// <summary>
    /// One case of the clerk's waits for the head (待负责人审核): the clerk proposed 部分公开 today, so the demo shows the
    /// approval step (the queue's 待审核 count, the head's approve/return buttons). Chosen without drawing from the
    /// random sequence, so every other demo case stays as it was.
    /// </summary>
    private void SubmitOneForApproval(List<(DisclosureApplication Application, string? Officer)> cases, string clerk, DateOnly today)
    {
        var open = cases.FirstOrDefault(c => c.Officer == clerk && c.Application.State == ApplicationState.InProgress && c.Application.ReceivedOn < today);
        open.Application?.Decide(Outcome.Partial, today, "部分公开：所需信息中涉及第三方个人信息的部分不予公开（条例第十五条），其余部分予以公开。",
            time.GetUtcNow(), clerk, ApprovalPolicy.AllButGranted);
    }

    /// <summary>Decides with an outcome drawn by the weights published reports show.</summary>
    private bool Decide(Random random, DisclosureApplication a, DateOnly on)
    {
        var pick = random.Next(OutcomeWeights.Sum(w => w.Weight));
        var outcome = OutcomeWeights.First(w => (pick -= w.Weight) < 0).Outcome;
        return a.Decide(outcome, on, "依据" + outcome.LegalBasis() + "答复：" + outcome.Label(), time.GetUtcNow(), "demo").Succeeded;
    }
}

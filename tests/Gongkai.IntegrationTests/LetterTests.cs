using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Deadlines;
using Gongkai.Persistence;
using Gongkai.Persistence.Attachments;
using Gongkai.Persistence.Entities;
using Gongkai.UseCases.Notices;

namespace Gongkai.IntegrationTests;

/// <summary>Letters that read right (issue 12 item 8): one test per defect found in the notices.</summary>
public sealed class LetterTests
{
    private static readonly DateTimeOffset At = new(2024, 9, 30, 8, 0, 0, TimeSpan.Zero);
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Embedded;

    private static NoticeContext Context(params string[] files) => new("示范市住房和城乡建设局", Calendar, "示范市人民政府", "示范市中级人民法院", files);

    private static DisclosureApplication New(ApplicantCategory category = ApplicantCategory.NaturalPerson, string request = "2024年本区老旧小区改造项目清单", string name = "张三") =>
        DisclosureApplication.Receive(Guid.NewGuid(), "DEMO", "GK2024-0001", new Applicant(category, name, "110101199001011237", "13800000000"),
            request, "电子文档", ReceiptChannel.Online, new DateOnly(2024, 9, 30), At, "clerk");

    private static string Text(Notice n) => string.Join("\n", n.Paragraphs);

    private static DisclosureApplication Decided(Outcome outcome, DisclosureApplication? a = null)
    {
        a ??= New();
        Assert.True(a.Decide(outcome, new DateOnly(2024, 10, 10), "经审查，现提供该信息", At, "clerk").Succeeded);
        return a;
    }

    [Fact]
    public void Applicant_Person_AddressedAsYou_NeverAsUnit()
    {
        var a = New();
        Assert.True(a.RequestCorrection(new DateOnly(2024, 10, 8), new DateOnly(2024, 10, 22), "请写明项目名称", At, "clerk", Calendar, DeadlinePolicy.Default).Succeeded);

        var text = Text(Notice.For(NoticeKind.Correction, a, Context())!);

        Assert.Contains("收到您提交的政府信息公开申请", text, StringComparison.Ordinal);
        Assert.Contains("请您于", text, StringComparison.Ordinal);
        Assert.DoesNotContain("单位", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ApplicantCategory.Commercial)]
    [InlineData(ApplicantCategory.Research)]
    [InlineData(ApplicantCategory.SocialWelfare)]
    [InlineData(ApplicantCategory.LegalService)]
    [InlineData(ApplicantCategory.OtherOrganisation)]
    public void Applicant_Organisation_AddressedAsYourUnit(ApplicantCategory category)
    {
        var a = New(category, name: "某某科技有限公司");
        Assert.True(a.RequestCorrection(new DateOnly(2024, 10, 8), new DateOnly(2024, 10, 22), "请写明项目名称", At, "clerk", Calendar, DeadlinePolicy.Default).Succeeded);

        var notice = Notice.For(NoticeKind.Correction, a, Context())!;

        Assert.Equal("某某科技有限公司：", notice.Addressee);
        Assert.Contains("收到贵单位提交的政府信息公开申请", Text(notice), StringComparison.Ordinal);
        Assert.Contains("请贵单位于", Text(notice), StringComparison.Ordinal);
        Assert.DoesNotContain("您（单位）", Text(notice), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("关于“老旧小区改造”的项目清单。", "所需信息为：“关于‘老旧小区改造’的项目清单”。")]
    [InlineData("\"幸福路\"拓宽工程的批复", "所需信息为：“‘幸福路’拓宽工程的批复”。")]
    [InlineData("2024年预算。", "所需信息为：“2024年预算”。")]
    [InlineData("2024年预算", "所需信息为：“2024年预算”。")]
    public void Request_QuotedWithoutNestedQuotes_OrFullStopInside(string request, string expected)
    {
        var text = Text(Notice.For(NoticeKind.Reply, Decided(Outcome.Granted, New(request: request)), Context())!);

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("。”。", text, StringComparison.Ordinal);
        Assert.DoesNotContain("““", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CorrectionItems_EndingWithFullStop_NotDoubled()
    {
        var a = New();
        Assert.True(a.RequestCorrection(new DateOnly(2024, 10, 8), new DateOnly(2024, 10, 22), "请写明项目名称。", At, "clerk", Calendar, DeadlinePolicy.Default).Succeeded);

        var text = Text(Notice.For(NoticeKind.Correction, a, Context())!);

        Assert.Contains("需要补正的事项为：请写明项目名称。", text, StringComparison.Ordinal);
        Assert.DoesNotContain("。。", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extension_StatesTheNewDueDate()
    {
        var a = New();
        Assert.True(a.Extend(15, new DateOnly(2024, 10, 21), approvedByOfficeHead: true, "需要调取档案", At, "head", Calendar, DeadlinePolicy.Default).Succeeded);
        var due = a.ReplyDeadline(Calendar, DeadlinePolicy.Default, new DateOnly(2024, 10, 21))!.Due;

        var text = Text(Notice.For(NoticeKind.Extension, a, Context())!);

        Assert.Equal(WorkingDays.Add(Calendar, new DateOnly(2024, 9, 30), 35), due);
        Assert.Contains($"答复期限延长15个工作日，延长后的答复期限至{due.Year}年{due.Month}月{due.Day}日。", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reply_StatesTheRemedies_WithTheBodies()
    {
        var text = Text(Notice.For(NoticeKind.Reply, Decided(Outcome.WithheldThirdPartyRights), Context())!);

        Assert.Contains("自收到本答复之日起六十日内向示范市人民政府申请行政复议", text, StringComparison.Ordinal);
        Assert.Contains("自收到本答复之日起六个月内向示范市中级人民法院提起行政诉讼", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reply_ListsTheRealAttachments_NoneWhenNone()
    {
        var a = Decided(Outcome.Partial);

        Assert.Contains("附件：1. 清单.pdf；2. 批复.docx", Text(Notice.For(NoticeKind.Reply, a, Context("清单.pdf", "批复.docx"))!), StringComparison.Ordinal);
        Assert.DoesNotContain("附件", Text(Notice.For(NoticeKind.Reply, a, Context())!), StringComparison.Ordinal);
    }

    [Fact]
    public void Reply_Partial_NoInternalCountingNote()
    {
        var a = Decided(Outcome.Partial);

        var text = Text(Notice.For(NoticeKind.Reply, a, Context())!);

        Assert.Contains("办理结果：部分公开。", text, StringComparison.Ordinal);
        Assert.DoesNotContain("区分处理", text, StringComparison.Ordinal);
        Assert.DoesNotContain("只计这一情形", text, StringComparison.Ordinal);
        Assert.DoesNotContain("只计这一情形", a.Events[^1].Text, StringComparison.Ordinal);
        var recordedBefore = a.Events[^1] with { Text = "办结：（二）部分公开（区分处理的，只计这一情形，不计其他情形）（条例第三十七条）" };
        Assert.Equal("办结：（二）部分公开（条例第三十七条）", UseCases.Applications.LookUpStatus.PublicText(recordedBefore));
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Context_FromTheDatabase_ParentAgencyAndLiveReplyDocuments_SettingsOverride(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        var store = new CaseStore(db);
        store.AddAgency("CITY", "示范市人民政府");
        store.AddAgency("HOUSING", "示范市住房和城乡建设局", "CITY");
        var a = DisclosureApplication.Receive(Guid.NewGuid(), "HOUSING", "GK-L-1", new Applicant(ApplicantCategory.NaturalPerson, "张三", "110101199001011237", "13800000000"),
            "清单", "电子文档", ReceiptChannel.Online, new DateOnly(2024, 9, 30), At, "clerk");
        store.Add(a);
        foreach (var (name, purpose, deleted) in new[] { ("清单.pdf", AttachmentPurpose.Reply, false), ("身份证.jpg", AttachmentPurpose.Application, false), ("旧稿.pdf", AttachmentPurpose.Reply, true) })
        {
            db.Add(new AttachmentRow
            {
                Id = Guid.NewGuid(),
                ApplicationId = a.Id,
                FileName = name,
                MediaType = "application/pdf",
                Size = 1,
                Sha256 = new string('a', 64),
                Purpose = (int)purpose,
                AddedBy = "clerk",
                AddedAtUtcTicks = At.UtcTicks,
                DeletedAtUtcTicks = deleted ? At.UtcTicks : null,
            });
        }

        await db.SaveChangesAsync();

        var derived = await NoticeContext.LoadAsync(db, Calendar, new LetterSettings(), a);
        var configured = await NoticeContext.LoadAsync(db, Calendar, new LetterSettings
        {
            Court = "示范市铁路运输法院",
            Agencies = { ["HOUSING"] = new AgencyLetterSettings { ReconsiderationBody = "示范市人民政府（行政复议局）" } },
        }, a);

        Assert.Equal(("示范市住房和城乡建设局", "示范市人民政府", "有管辖权的人民法院"), (derived.AgencyName, derived.ReconsiderationBody, derived.Court));
        Assert.Equal(["清单.pdf"], derived.ReplyFiles);
        Assert.Equal(("示范市人民政府（行政复议局）", "示范市铁路运输法院"), (configured.ReconsiderationBody, configured.Court));
    }
}

using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Reports;

public sealed class ReportSchemaTests
{
    [Fact]
    public void Edition2021_KeysFollowOgiRules()
    {
        var s = ReportSchema.Edition2021;

        Assert.Equal(
            [
                "proactive.art20_1.regulations.issued", "proactive.art20_1.regulations.repealed", "proactive.art20_1.regulations.in_force",
                "proactive.art20_1.normative_docs.issued", "proactive.art20_1.normative_docs.repealed", "proactive.art20_1.normative_docs.in_force",
                "proactive.art20_5.licensing.decisions", "proactive.art20_6.penalty.decisions", "proactive.art20_6.coercion.decisions",
                "proactive.art20_8.admin_fees.amount_wan_yuan",
            ],
            s.ProactiveKeys);
        Assert.Equal(25, s.ApplicationDataRows.Count);
        Assert.Equal(21, s.OutcomeRowKeys.Count);
        Assert.Contains("apps.outcome.other.fee_unpaid", s.OutcomeRowKeys);
        Assert.DoesNotContain(ApplicationKeys.OutcomeTotal, s.OutcomeRowKeys);
    }

    [Fact]
    public void Edition2019_OtherIsOneRowAndFiveBlocks()
    {
        var s = ReportSchema.Edition2019;

        Assert.Equal(5, s.ProactiveBlocks.Count);
        Assert.Contains(ApplicationKeys.OutcomeOther2019, s.OutcomeRowKeys);
        Assert.DoesNotContain("apps.outcome.other.other", s.OutcomeRowKeys);
        Assert.Equal(19, s.OutcomeRowKeys.Count);
        Assert.Equal(ValueKind.SignedCount, s.ProactiveColumnOf("proactive2019.art20_8.admin_fees.delta")!.Kind);
        Assert.Equal(ValueKind.Money, s.ProactiveColumnOf("proactive2019.art20_9.central_procurement.amount")!.Kind);
    }

    [Fact]
    public void Review_FifteenCellsInPrintedOrder()
    {
        var keys = ReportSchema.Edition2021.ReviewColumns.Select(c => c.Key).ToArray();

        Assert.Equal(15, keys.Length);
        Assert.Equal("review.upheld", keys[0]);
        Assert.Equal("litigation.direct.upheld", keys[5]);
        Assert.Equal("litigation.after_review.total", keys[14]);
    }

    [Theory]
    [InlineData(2019, ReportEdition.Edition2019)]
    [InlineData(2020, ReportEdition.Edition2019)]
    [InlineData(2021, ReportEdition.Edition2021)]
    [InlineData(2026, ReportEdition.Edition2021)]
    public void ExpectedFor_Year_Edition(int year, ReportEdition edition) =>
        Assert.Equal(edition, ReportEditions.ExpectedFor(year));

    [Fact]
    public void ExpectedFor_Before2019_None() => Assert.Null(ReportEditions.ExpectedFor(2018));

    [Fact]
    public void AnnualReport_UnknownKey_IsMisuse()
    {
        var report = new AnnualReport(ReportEdition.Edition2021);

        Assert.Throws<ArgumentException>(() => report.SetProactive("proactive2019.art20_9.central_procurement.items", CellValue.Blank));
        Assert.Throws<ArgumentException>(() => report.GetApplications(ApplicationKeys.OutcomeOther2019, ApplicantColumn.Total));
    }
}

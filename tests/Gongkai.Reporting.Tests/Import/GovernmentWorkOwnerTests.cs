using Gongkai.Reporting.Parsing;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Fifteenth sweep: a department's report compiled "结合2021年度吉林市丰满区人民政府信息公开工作实际" — the district
/// government's work, the department's part of it — while the report speaks as 我局 and its contact line names the
/// department (请联系吉林市丰满区民政局). The government was read as the agency: a wrong value. A government never speaks
/// as 我局, 我委 or 我办: its name there is the owner of the work, not the report's.
/// </summary>
public sealed class GovernmentWorkOwnerTests
{
    [Fact]
    public void Import_CompiledFromGovernmentWork_DepartmentSpeaking_ContactNamesIt()
    {
        var report = WithHeadings.Read(File.ReadAllText(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", "jlfm-mzj-2021-district-government-work-wo-ju-excerpt.txt")));

        Assert.Equal("吉林市丰满区民政局", report.Agency);
        Assert.Equal(2021, report.Year);
    }

    [Theory]
    // The department speaking: the government is not its name; nothing else names it.
    [InlineData("结合2023年度某县人民政府信息公开工作实际,编制发布此报告。\n一、总体情况\n2023年,我局认真贯彻《条例》。\n", null)]
    [InlineData("结合2023年度某县人民政府信息公开工作实际,编制发布此报告。\n一、总体情况\n2023年,我委认真贯彻《条例》。\n", null)]
    // The government (or a town's) speaking for itself: its name is the agency, as before.
    [InlineData("结合2023年度某镇人民政府信息公开工作实际,编制本报告。\n一、总体情况\n2023年,我镇认真贯彻《条例》。\n", "某镇人民政府")]
    [InlineData("结合2023年度某县人民政府信息公开工作实际,编制本报告。\n一、总体情况\n2023年,全县认真贯彻《条例》。\n", "某县人民政府")]
    // A department's own name before 政府信息公开 stays its name.
    [InlineData("结合2023年度某县民政局政府信息公开工作实际,编制本报告。\n一、总体情况\n2023年,我局认真贯彻《条例》。\n", "某县民政局")]
    public void Import_CompiledFromWork_GovernmentOnlyWhenNotSpeakingAsDepartment(string text, string? agency)
    {
        var report = WithHeadings.Read(text);

        Assert.Equal(agency, report.Agency);
        Assert.Equal(2023, report.Year);
    }
}

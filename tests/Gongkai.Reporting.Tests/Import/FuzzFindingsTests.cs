using System.Text;
using Gongkai.Domain.Diagnostics;
using Gongkai.Reporting.Parsing;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// The findings of a fuzz campaign (Fixtures/fuzz/README.md), each read on a thread with a 1 MB stack — less than a
/// worker thread has — so a recursion as deep as the input would crash the test host rather than pass.
/// </summary>
public sealed class FuzzFindingsTests
{
    private static string Fixture(string name) => RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "fuzz", name);

    private static ReadResult ReadOnSmallStack(byte[] bytes)
    {
        ReadResult? result = null;
        Exception? error = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = ReportFileReader.Read(bytes);
                }
#pragma warning disable CA1031 // Re-thrown on the test's thread.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    error = ex;
                }
            },
            maxStackSize: 1024 * 1024);
        thread.Start();
        thread.Join();
        Assert.Null(error);
        return result!;
    }

    [Fact]
    public void Docx_TablesNested16000Deep_RefusedAsUnreadable_NoStackOverflow()
    {
        var read = ReadOnSmallStack(File.ReadAllBytes(Fixture("F1-docx-nested-tables-16000.docx")));

        Assert.Null(read.Report);
        var d = Assert.Single(read.Diagnostics);
        Assert.Equal(DiagnosticCatalog.FileUnreadable.Code, d.Code);
        Assert.Contains("嵌套超过 256 层", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_NestedDeeperThanTheParsersLimit_ReadAsText_NoException()
    {
        var read = ReadOnSmallStack(File.ReadAllBytes(Fixture("F3-html-513-nested.html")));

        Assert.NotEmpty(read.Diagnostics);
    }

    [Fact]
    public void Html_AReportInsideMarkupNestedTooDeep_StillRead()
    {
        var report = RandomReports.Create(4, Domain.Reports.ReportEdition.Edition2021);
        var text = Gongkai.Reporting.Rendering.ReportRenderer.RenderToString(report, Gongkai.Reporting.Rendering.RenderFormat.Text);
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 600)) + "<pre>" + System.Net.WebUtility.HtmlEncode(text) + "</pre>" + string.Concat(Enumerable.Repeat("</div>", 600)) + "</body></html>";

        var read = ReadOnSmallStack(Encoding.UTF8.GetBytes(html));

        Assert.NotNull(read.Report);
        Assert.Equal(report.GetApplications(Domain.Reports.ApplicationKeys.NewReceived, Domain.Reports.ApplicantColumn.Total), read.Report!.GetApplications(Domain.Reports.ApplicationKeys.NewReceived, Domain.Reports.ApplicantColumn.Total));
    }

    [Theory]
    [InlineData("F4-digits-OldRegulationLayout.txt")]
    [InlineData("F4-digits-ReportMetadata.FindIn.utf16.txt")]
    [InlineData("F4-digits-ReportMetadata.SentenceName.txt")]
    [InlineData("F4-digits-ApplicationLabels.ListNumber.txt")]
    public void Text_DigitsOfOtherScripts_NoException_SaidWhatWasRead(string name)
    {
        var read = ReadOnSmallStack(File.ReadAllBytes(Fixture(name)));

        Assert.NotEmpty(read.Diagnostics);
    }

    [Theory]
    [InlineData("202५", 2025)]
    [InlineData("20١9", 2019)]
    [InlineData("２０２１", 2021)]
    [InlineData("99999999999999", int.MaxValue)]
    public void Digits_AnyScript_ValueOfEachDigit(string digits, int expected) =>
        Assert.Equal(expected, Gongkai.Reporting.Parsing.Text.Digits.Parse(digits));

    [Fact]
    public void Text_ThreeThousandSentencesOnOneLineInSectionThree_NoStackOverflow()
    {
        var text = "一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
            + string.Concat(Enumerable.Repeat("注意这是一条说明文字。", 3000)) + "\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n";

        var read = ReadOnSmallStack(Encoding.UTF8.GetBytes(text));

        Assert.NotNull(read.Report);
    }

    [Fact]
    public void Text_TwentyFiveThousandSentencesOnOneLine_NotACopyOfTheRestPerSentence()
    {
        var text = "一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
            + string.Concat(Enumerable.Repeat("注意这是一条说明文字。", 25_000)) + "\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        long allocated = 0;
        var thread = new Thread(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            ReportFileReader.Read(bytes);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        });
        thread.Start();
        thread.Join();

        // 825 KB of text: the copies of what followed each sentence came to 6.6 GB; the reading itself is well under 1 GB.
        Assert.True(allocated < 1L << 30, $"{allocated / (1 << 20)} MB allocated");
    }

    [Fact]
    public void Text_SixteenThousandLinesBeforeTheFirstHeading_Read()
    {
        var text = string.Concat(Enumerable.Repeat("这是标题之前的一行说明文字，没有年度也没有机关名称\n", 16_000))
            + "一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n";

        var read = ReadOnSmallStack(Encoding.UTF8.GetBytes(text));

        Assert.NotNull(read.Report);
    }

    [RequiresToolsFact("apt-get install poppler-utils", "pdftotext", "pdfinfo")]
    public void Pdf_PdfinfoWritesMoreWarningsThanAPipeHolds_NotBlocked()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var read = ReportFileReader.Read(File.ReadAllBytes(Fixture("F5-pdfinfo-stderr.pdf")));

        // Not a timing test of the reader: before the fix this waited out pdfinfo's 10-second timeout every time.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(9), $"took {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.NotEmpty(read.Diagnostics);
    }

    [Fact]
    public void ReadFile_ADeviceThatNeverEnds_RefusedAsTooLarge()
    {
        // Linux (the platform's servers and CI): /dev/zero reports a length of 0 and never ends.
        var read = ReportFileReader.ReadFile("/dev/zero");

        Assert.Equal(DiagnosticCatalog.InputTooLarge.Code, Assert.Single(read.Diagnostics).Code);
    }

    [Theory]
    [InlineData(new byte[0], "文件为空（0 字节）")]
    [InlineData(new byte[] { 0x20, 0x0A, 0x0D, 0x0A, 0x09 }, "文件中只有空白，没有内容")]
    public void Read_EmptyOrBlank_SaidSo(byte[] bytes, string message) =>
        Assert.Contains(message, Assert.Single(ReportFileReader.Read(bytes).Diagnostics).Message, StringComparison.Ordinal);
}

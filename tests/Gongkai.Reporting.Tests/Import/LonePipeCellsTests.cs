using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Parsing;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Pipe tables saved one cell per line, each cell closed by its pipe and an empty cell as a pipe alone ("一、本年新收… | 25 |"
/// / "|" ×4 / "| 25 |"): the pipe that opens the line after a pipe alone closes one more empty cell. Read as a Markdown row's
/// opening pipe, each such row had one cell too few (6 for 7 columns) and was placed by the sums (GK4005). The real page is
/// Fixtures/real/guangdong-district-fgj-2020-pipe-blank-lines-excerpt.txt.
/// </summary>
public sealed class LonePipeCellsTests
{
    [Fact]
    public void Import_RealPageLonePipeRows_SevenCellsNoPlacementByTheSums()
    {
        var result = ReportFileReader.ReadFile(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "real", "guangdong-district-fgj-2020-pipe-blank-lines-excerpt.txt"));

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "GK4005");
        var report = result.Report!;
        Assert.Equal(25, report.GetApplications(ApplicationKeys.NewReceived, ApplicantColumn.NaturalPerson));
        Assert.Null(report.GetApplications(ApplicationKeys.NewReceived, ApplicantColumn.OtherOrganisation));
        Assert.Equal(25, report.GetApplications(ApplicationKeys.NewReceived, ApplicantColumn.Total));
        Assert.Null(report.GetApplications(ApplicationKeys.CarriedOver, ApplicantColumn.NaturalPerson));
        Assert.Equal(0, report.GetApplications(ApplicationKeys.CarriedOver, ApplicantColumn.Total));
    }

    [Fact]
    public void Tokenize_MarkdownRowsOneAfterAnother_OuterPipesOpenTheRow()
    {
        var text = "| 规章 | 0 | 0 | 3 |\n| 行政规范性文件 | 1 | 0 | 5 |\n";
        var lines = text.Split('\n').Select((t, i) => new SourceLine(t, i + 1)).ToList();

        var tokens = Gongkai.Reporting.Parsing.Tables.TableTokenizer.Tokenize(lines, separateDigitsFromText: true);

        Assert.Equal(8, tokens.Count(t => t.Kind != Gongkai.Reporting.Parsing.Tables.TokenKind.Blank));
        Assert.DoesNotContain(tokens, t => t.Kind == Gongkai.Reporting.Parsing.Tables.TokenKind.Blank);
    }
}

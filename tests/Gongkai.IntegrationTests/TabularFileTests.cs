using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Gongkai.UseCases.Registry;
using MiniExcelLibs;

namespace Gongkai.IntegrationTests;

/// <summary>
/// The registry's CSV and XLSX reader on the shapes an attack on a running copy sent (1 December): files that cost memory or
/// time by the column or the blank line, a header naming a column twice, workbooks MiniExcel cannot read. Each is refused in
/// Chinese, quickly, or read with its blank lines dropped; never an exception.
/// </summary>
public sealed class TabularFileTests
{
    private const string Header = "索引号,信息名称,文号,类别,成文日期,发布日期,废止日期";

    private static (TabularFile? File, string? Problem) Read(byte[] bytes, string name) => TabularFile.Read(new MemoryStream(bytes), name);

    [Fact]
    public void Csv_MillionsOfBlankLines_DroppedAsRead_RowKeepsItsLine()
    {
        var csv = Header + "\n" + new string('\n', 3_000_000) + "T1-2026-001,通知,,通知,2026-01-05,2026-01-06,\n";

        var before = GC.GetAllocatedBytesForCurrentThread();
        var (file, problem) = Read(Encoding.UTF8.GetBytes(csv), "c.csv");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Null(problem);
        var row = Assert.Single(file!.Rows);
        Assert.Equal(3_000_002, row.Line);
        // The bytes, their text and little else: a row object per blank line was 140 bytes a byte (420 MB here).
        Assert.True(allocated < 64L << 20, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void Csv_BlankLinesBeforeTheHeader_HeaderIsTheFirstLineWithText()
    {
        var (file, problem) = Read(Encoding.UTF8.GetBytes("\n,,\n" + Header + "\nT1-2026-001,通知,,通知,2026-01-05,2026-01-06,\n"), "c.csv");

        Assert.Null(problem);
        Assert.Equal("索引号", file!.Header[0]);
        Assert.Equal(4, Assert.Single(file.Rows).Line);
    }

    [Fact]
    public void Csv_LineOfThousandsOfCommas_RefusedNamingTheLine()
    {
        var csv = Header + "\nT1-2026-001,通知" + new string(',', 100_000) + "\n";

        var (file, problem) = Read(Encoding.UTF8.GetBytes(csv), "宽.csv");

        Assert.Null(file);
        Assert.Contains("第 2 行", problem, StringComparison.Ordinal);
        Assert.Contains("超过 256 列的上限", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_HeaderNamesAColumnTwice_Refused()
    {
        var (file, problem) = Read(Encoding.UTF8.GetBytes(Header + ",备注,备注\nT1-2026-001,通知,,通知,2026-01-05,2026-01-06,,a,b\n"), "c.csv");

        Assert.Null(file);
        Assert.Equal("表头的列名“备注”出现了两次（第 8 列和第 9 列），请删去或改名其中一列", problem);
    }

    [Fact]
    public void Xlsx_MadeByMiniExcel_Read()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new[] { new Dictionary<string, object> { ["索引号"] = "T1-2026-001", ["信息名称"] = "通知", ["成文日期"] = new DateTime(2026, 1, 5) } });

        var (file, problem) = Read(stream.ToArray(), "c.xlsx");

        Assert.Null(problem);
        Assert.Equal(["索引号", "信息名称", "成文日期"], file!.Header);
        Assert.Equal(["T1-2026-001", "通知", "2026-01-05"], Assert.Single(file.Rows).Cells);
    }

    [Theory]
    [InlineData("cell-XFD2", "XFD2", "16384 列")]
    [InlineData("dimension-XFD", "A1:XFD1048576", "16384 列")]
    [InlineData("row-1048576", "第 1048576 行", "1,000,000 行")]
    [InlineData("cell-AZ-row-400000", "第 400000 行", "个单元格的上限")]
    public void Xlsx_SheetReachingFar_RefusedBeforeItIsFilledIn(string shape, string where, string limit)
    {
        var sheet = shape switch
        {
            "cell-XFD2" => Row(1, """<c r="A1" t="inlineStr"><is><t>索引号</t></is></c>""") + Row(2, """<c r="XFD2" t="inlineStr"><is><t>x</t></is></c>"""),
            "dimension-XFD" => Row(1, """<c r="A1" t="inlineStr"><is><t>索引号</t></is></c>"""),
            "row-1048576" => Row(1, """<c r="A1" t="inlineStr"><is><t>索引号</t></is></c>""") + Row(1048576, """<c r="A1048576" t="inlineStr"><is><t>x</t></is></c>"""),
            _ => Row(1, """<c r="AZ1" t="inlineStr"><is><t>索引号</t></is></c>""") + Row(400000, """<c r="AZ400000" t="inlineStr"><is><t>x</t></is></c>"""),
        };
        var bytes = Workbook(sheet, dimension: shape == "dimension-XFD" ? "A1:XFD1048576" : null);

        var clock = Stopwatch.StartNew();
        var (file, problem) = Read(bytes, "远.xlsx");

        Assert.Null(file);
        Assert.Contains(where, problem, StringComparison.Ordinal);
        Assert.Contains(limit, problem, StringComparison.Ordinal);
        Assert.StartsWith("文件“远.xlsx”的工作表延伸到", problem, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
    }

    [Theory]
    [InlineData("""<c r="A1" t="s"><v>0</v></c>""")]
    [InlineData("""<c r="A1" s="1" t="inlineStr"><is><t>索引号</t></is></c><c r="B1" s="1"><v>45000</v></c>""")]
    [InlineData("""<c r="A1" t="s"><v>99</v></c>""")]
    public void Xlsx_MiniExcelCannotRead_RefusedInChinese(string cells)
    {
        var (file, problem) = Read(Workbook(Row(1, cells) + Row(2, cells.Replace("A1", "A2", StringComparison.Ordinal).Replace("B1", "B2", StringComparison.Ordinal))), "坏.xlsx");

        if (file is not null)
        {
            // A reader that copes is as good as a refusal; what matters is no exception out of Read.
            return;
        }

        Assert.StartsWith("无法读取文件“坏.xlsx”", problem, StringComparison.Ordinal);
    }

    private static string Row(int number, string cells) => $"""<row r="{number}">{cells}</row>""";

    /// <summary>A workbook of one sheet, written by hand: no shared strings, no styles, the sheet as given.</summary>
    internal static byte[] Workbook(string rows, string? dimension = null)
    {
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""",
            ["_rels/.rels"] = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""",
            ["xl/workbook.xml"] = """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""",
            ["xl/_rels/workbook.xml.rels"] = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""",
            ["xl/worksheets/sheet1.xml"] = $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{(dimension is null ? "" : $"<dimension ref=\"{dimension}\"/>")}<sheetData>{rows}</sheetData></worksheet>""",
        };
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in parts)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return buffer.ToArray();
    }
}

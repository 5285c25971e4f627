using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Testing;

namespace Gongkai.Web.Tests;

/// <summary>The installation administrator's calendar page: covered years, a refused file, a checked and applied year, history.</summary>
public sealed partial class CalendarPageTests : IClassFixture<GongkaiFactory>
{
    private readonly GongkaiFactory _factory;

    public CalendarPageTests(GongkaiFactory factory) => _factory = factory;

    [Theory]
    [InlineData("clerk")]
    [InlineData("admin")]
    [InlineData("supervisor")]
    public async Task AgencyAccounts_CannotOpenTheCalendarPage(string user)
    {
        using var session = await StaffSession.SignIn(_factory, user);

        var response = await session.Client.GetAsync("/staff/calendar");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstallationAdmin_BadFileRefused_GoodYearCheckedThenApplied_DueDatesFollow()
    {
        using var admin = await StaffSession.SignIn(_factory, "sysadmin");
        using var head = await StaffSession.SignIn(_factory, "head");
        var page = await admin.Client.GetStringAsync("/staff/calendar");
        Assert.Matches("id=\"covered\">现行日历覆盖年份：<strong>2019、2020、2021、2022、2023、2024、2025、2026</strong>", page);
        Assert.Contains("第 1 版（现行）", page, StringComparison.Ordinal);

        // A case due in January 2027 (received 2026-11-20, extended by 20 working days): counted without 2027's holidays.
        var (caseUrl, _) = await head.RegisterCase(receivedOn: "2026-11-20");
        Assert.Equal(HttpStatusCode.Redirect, (await head.Act(caseUrl, "Extend", new() { ["Days"] = "20", ["Text"] = "需要调取档案", ["On"] = "2026-11-25" })).StatusCode);
        var before = await head.Client.GetStringAsync(caseUrl);
        Assert.Contains("2027 年的节假日安排不在日历数据中", before, StringComparison.Ordinal);
        var dueBefore = DueRegex().Match(before).Groups[1].Value;

        var refused = await Upload(admin, CalendarFiles.Year2027As(2028));
        Assert.Contains("文件未通过检查，未作任何修改", refused, StringComparison.Ordinal);
        Assert.Contains("缺少 2027 年的节假日安排", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("第 2 版", refused, StringComparison.Ordinal);

        var checkedPage = await Upload(admin, CalendarFiles.Year2027);
        Assert.Contains("检查通过", checkedPage, StringComparison.Ordinal);
        Assert.Contains("应用后日历覆盖 2019、2020、2021、2022、2023、2024、2025、2026、2027 年", checkedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("第 2 版", checkedPage, StringComparison.Ordinal);

        var csv = WebUtility.HtmlDecode(CsvRegex().Match(checkedPage).Groups[1].Value);
        var applied = await admin.Client.PostAsync("/staff/calendar?handler=Apply", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSession.TokenRegex().Match(checkedPage).Groups[1].Value,
            ["Csv"] = csv,
            ["SourceName"] = "2027.csv",
        }));
        var appliedPage = await applied.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Contains("已生效：工作日历第 2 版", appliedPage, StringComparison.Ordinal);
        Assert.Contains("2024、2025、2026、2027</strong>", await admin.Client.GetStringAsync("/staff/calendar"), StringComparison.Ordinal);
        Assert.Contains("上传：2027.csv", await admin.Client.GetStringAsync("/staff/calendar"), StringComparison.Ordinal);

        var after = await head.Client.GetStringAsync(caseUrl);
        Assert.DoesNotContain("2027 年的节假日安排不在日历数据中", after, StringComparison.Ordinal);
        Assert.True(string.CompareOrdinal(DueRegex().Match(after).Groups[1].Value, dueBefore) > 0, "元旦 2027 moves the due date later");
        Assert.Contains("</td><td>sysadmin</td><td>上传：2027.csv</td>", await admin.Client.GetStringAsync("/staff/calendar"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstallationAdmin_GbkFile_CheckedWithItsChineseNames_BinaryFileRefusedInChinese()
    {
        using var admin = await StaffSession.SignIn(_factory, "sysadmin");
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

        // A CSV saved from Excel on a Chinese system is GBK; read as UTF-8 its names were replacement characters.
        var checkedPage = await UploadBytes(admin, System.Text.Encoding.GetEncoding("GBK").GetBytes(CalendarFiles.Year2027));
        var binary = await UploadBytes(admin, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256))]);

        Assert.Contains("检查通过", checkedPage, StringComparison.Ordinal);
        var csv = WebUtility.HtmlDecode(CsvRegex().Match(checkedPage).Groups[1].Value);
        Assert.Contains("2027-02-05,holiday,春节", csv, StringComparison.Ordinal);
        Assert.Contains("2027-10-09,workday,国庆节", csv, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', csv);
        Assert.Contains("无法读取文件 2027.csv：文本编码无法识别", WebUtility.HtmlDecode(binary), StringComparison.Ordinal);
        Assert.DoesNotContain("检查通过", binary, StringComparison.Ordinal);
    }

    private static Task<string> Upload(StaffSession session, string csv) => UploadBytes(session, System.Text.Encoding.UTF8.GetBytes(csv));

    private static async Task<string> UploadBytes(StaffSession session, byte[] bytes)
    {
        var page = await session.Client.GetStringAsync("/staff/calendar");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(StaffSession.TokenRegex().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "file", "2027.csv" },
        };
        var response = await session.Client.PostAsync("/staff/calendar?handler=Check", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("<h2>答复期限：(\\d{4}-\\d{2}-\\d{2})</h2>")]
    private static partial Regex DueRegex();

    [GeneratedRegex("<input type=\"hidden\" name=\"Csv\" value=\"([^\"]*)\"")]
    private static partial Regex CsvRegex();
}

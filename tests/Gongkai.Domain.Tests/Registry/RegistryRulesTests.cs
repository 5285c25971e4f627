using Gongkai.Domain.Calendar;
using Gongkai.Domain.Registry;

namespace Gongkai.Domain.Tests.Registry;

/// <summary>Dates as catalogues write them, the 索引号 scheme, and the 20 working days of 条例第二十六条.</summary>
public sealed class RegistryRulesTests
{
    [Theory]
    [InlineData("2024-03-05", 2024, 3, 5)]
    [InlineData("2024年3月5日", 2024, 3, 5)]
    [InlineData(" 2024年03月05日 ", 2024, 3, 5)]
    [InlineData("2024/3/5", 2024, 3, 5)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    public void Parse_AcceptedShapes_Date(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), RegistryDates.Parse(text).Date);

    [Theory]
    [InlineData("2023-02-29", "不存在")]
    [InlineData("2024-13-01", "不存在")]
    [InlineData("3/5/2024", "格式不对")]
    [InlineData("二〇二四年三月五日", "格式不对")]
    public void Parse_BadDate_ProblemInChinese(string text, string problem)
    {
        var (date, message) = RegistryDates.Parse(text);

        Assert.Null(date);
        Assert.Contains(problem, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Blank_NoDateNoProblem() => Assert.Equal((null, null), RegistryDates.Parse("  "));

    [Theory]
    [InlineData(null, "00000000-0/2025-00042")]
    [InlineData("{agency}-{year}-{serial:3}", "00000000-0-2025-042")]
    [InlineData("GK{year}{serial:6}", "GK2025000042")]
    public void Format_Scheme_Number(string? pattern, string expected) =>
        Assert.Equal(expected, new IndexNumberScheme(pattern).Format("00000000-0", 2025, 42));

    [Fact]
    public void Prefix_DefaultScheme_AgencyAndYear() =>
        Assert.Equal("ABC/2025-", new IndexNumberScheme().Prefix("ABC", 2025));

    [Fact]
    public void Scheme_WithoutSerial_Refused() =>
        Assert.Throws<ArgumentException>(() => new IndexNumberScheme("{agency}/{year}"));

    [Fact]
    public void Due_FormedBeforeNationalDay_HolidaysNotCounted()
    {
        // 2024-09-27 (Fri) + 20 working days: 国庆 1–7 October off, 29 September and 12 October are make-up working days.
        var due = PublicationDeadline.Due(WorkingDayCalendar.Embedded, new DateOnly(2024, 9, 27), null);

        Assert.Equal(new DateOnly(2024, 10, 30), due);
        Assert.False(PublicationDeadline.IsOverdue(WorkingDayCalendar.Embedded, new DateOnly(2024, 9, 27), null, new DateOnly(2024, 10, 30)));
        Assert.True(PublicationDeadline.IsOverdue(WorkingDayCalendar.Embedded, new DateOnly(2024, 9, 27), null, new DateOnly(2024, 10, 31)));
    }

    [Fact]
    public void Due_LaterChange_RestartsTheClock() =>
        Assert.Equal(
            PublicationDeadline.Due(WorkingDayCalendar.Embedded, new DateOnly(2024, 6, 3), null),
            PublicationDeadline.Due(WorkingDayCalendar.Embedded, new DateOnly(2024, 1, 2), new DateOnly(2024, 6, 3)));

    [Theory]
    [InlineData("规章", DocumentCategory.Regulation)]
    [InlineData("行政规范性文件", DocumentCategory.NormativeDocument)]
    [InlineData("规范性文件", DocumentCategory.NormativeDocument)]
    [InlineData("其它", DocumentCategory.Other)]
    [InlineData("政府集中采购", DocumentCategory.Procurement)]
    public void TryParse_CategoryLabels(string label, DocumentCategory expected)
    {
        Assert.True(DocumentCategories.TryParse(label, out var category));
        Assert.Equal(expected, category);
    }
}

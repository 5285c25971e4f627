using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Reports;

public sealed class CellValueTests
{
    [Theory]
    [InlineData("15954.526468", CellValueKind.Number, "15954.526468")]
    [InlineData(" 0 ", CellValueKind.Number, "0")]
    [InlineData("-3", CellValueKind.Number, "-3")]
    [InlineData("12.50", CellValueKind.Number, "12.50")]
    [InlineData("3项(41笔)", CellValueKind.Text, "3项(41笔)")]
    [InlineData("1.", CellValueKind.Text, "1.")]
    [InlineData(".5", CellValueKind.Text, ".5")]
    [InlineData("1e5", CellValueKind.Text, "1e5")]
    [InlineData("", CellValueKind.Blank, "")]
    [InlineData("   ", CellValueKind.Blank, "")]
    public void Parse_Written_KindAndTextAsWritten(string written, CellValueKind kind, string shown)
    {
        var value = CellValue.Parse(written);

        Assert.Equal(kind, value.Kind);
        Assert.Equal(shown, value.ToString());
    }

    /// <summary>
    /// A number's written digits are what the canonical JSON writes, so they must be a valid JSON number: a run cut from
    /// running text ("行政事业性收费02025年…") once crashed the import with "Invalid leading zero".
    /// </summary>
    [Theory]
    [InlineData("02025", "2025", 2025)]
    [InlineData("+17", "17", 17)]
    [InlineData("-05", "-5", -5)]
    [InlineData("00.50", "0.50", 0.5)]
    [InlineData("000", "0", 0)]
    [InlineData("-0", "-0", 0)]
    public void Parse_LeadingZerosOrPlusSign_ValidJsonNumberSameValue(string written, string shown, double number)
    {
        var value = CellValue.Parse(written);

        Assert.Equal(CellValueKind.Number, value.Kind);
        Assert.Equal(shown, value.ToString());
        Assert.Equal((decimal)number, value.Number);
        using var json = System.Text.Json.JsonDocument.Parse(value.ToString());
        Assert.Equal((decimal)number, json.RootElement.GetDecimal());
    }

    [Fact]
    public void Blank_IsNotZero()
    {
        Assert.NotEqual(CellValue.Blank, CellValue.FromNumber(0));
        Assert.True(CellValue.Blank.IsBlank);
        Assert.False(CellValue.FromNumber(0).IsBlank);
    }
}

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

    [Fact]
    public void Blank_IsNotZero()
    {
        Assert.NotEqual(CellValue.Blank, CellValue.FromNumber(0));
        Assert.True(CellValue.Blank.IsBlank);
        Assert.False(CellValue.FromNumber(0).IsBlank);
    }
}

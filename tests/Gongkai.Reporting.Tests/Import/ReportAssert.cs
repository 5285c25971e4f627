using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>Comparisons of two reports shared by the import tests.</summary>
internal static class ReportAssert
{
    /// <summary>The same edition, agency and year, and every figure of tables 二, 三 and 四 the same, the first that differs named.</summary>
    public static void SameFigures(AnnualReport expected, AnnualReport actual)
    {
        Assert.Equal(expected.Edition, actual.Edition);
        Assert.Equal(expected.Agency, actual.Agency);
        Assert.Equal(expected.Year, actual.Year);
        foreach (var key in expected.Schema.ProactiveKeys)
        {
            Assert.True(expected.GetProactive(key) == actual.GetProactive(key), $"{key}: expected '{expected.GetProactive(key)}', got '{actual.GetProactive(key)}'");
        }

        foreach (var (row, column, value) in expected.ApplicationCells())
        {
            Assert.True(value == actual.GetApplications(row, column), $"{row}@{column.Key()}: expected {value}, got {actual.GetApplications(row, column)}");
        }

        foreach (var column in expected.Schema.ReviewColumns)
        {
            Assert.True(expected.GetReview(column.Key) == actual.GetReview(column.Key), $"{column.Key}: expected {expected.GetReview(column.Key)}, got {actual.GetReview(column.Key)}");
        }
    }
}

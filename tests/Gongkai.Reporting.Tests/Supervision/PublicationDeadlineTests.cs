using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Tests.Supervision;

public sealed class PublicationDeadlineTests
{
    [Theory]
    [InlineData(2023, false, "2024-01-31")]
    [InlineData(2023, true, "2024-03-31")]
    [InlineData(2024, false, "2025-01-31")] // a Friday
    [InlineData(2025, true, "2026-03-31")]
    public void For_DepartmentsJanuaryGovernmentsMarch(int year, bool government, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PublicationDeadline.For(year, government));
    }

    [Theory]
    [InlineData(false, "2024-01-31", "2024-06-01", false)]
    [InlineData(false, "2024-02-01", "2024-06-01", true)]
    [InlineData(true, "2024-02-01", "2024-06-01", false)]
    [InlineData(true, "2024-04-01", "2024-06-01", true)]
    [InlineData(false, null, "2024-01-31", false)]
    [InlineData(false, null, "2024-02-01", true)]
    public void IsLate_Table(bool government, string? published, string today, bool late)
    {
        DateOnly? on = published is null ? null : DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(late, PublicationDeadline.IsLate(2023, government, on, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }
}

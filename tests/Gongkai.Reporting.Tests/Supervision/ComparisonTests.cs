using Gongkai.Domain.Reports;
using Gongkai.Reporting.Supervision;

namespace Gongkai.Reporting.Tests.Supervision;

public sealed class ComparisonTests
{
    /// <summary>A 2021 report with given totals: new received, withheld (state secret), granted, review and litigation cells.</summary>
    private static AnnualReport Make(int year, int received, int carriedOver, int withheld, int granted, int carriedForward, int[] review, int[] direct, ReportEdition edition = ReportEdition.Edition2021)
    {
        var r = new AnnualReport(edition) { Agency = "甲局", Year = year };
        foreach (var (row, column, _) in r.ApplicationCells())
        {
            r.SetApplications(row, column, 0);
        }

        void Set(string row, int v) => r.SetApplications(row, ApplicantColumn.Total, v);
        Set(ApplicationKeys.NewReceived, received);
        Set(ApplicationKeys.CarriedOver, carriedOver);
        Set("apps.outcome.withheld.state_secret", withheld);
        Set("apps.outcome.granted", granted);
        Set(ApplicationKeys.OutcomeTotal, withheld + granted);
        Set(ApplicationKeys.CarriedForward, carriedForward);
        string[] suffixes = ["upheld", "corrected", "other", "pending", "total"];
        for (var i = 0; i < 5; i++)
        {
            r.SetReview("review." + suffixes[i], review[i]);
            r.SetReview("litigation.direct." + suffixes[i], direct[i]);
            r.SetReview("litigation.after_review." + suffixes[i], 0);
        }

        return r;
    }

    [Fact]
    public void Figures_RatiosAsDefined()
    {
        // 200 received; 50 of 200 outcomes withheld; 4 reconsiderations (1 corrected, 1 pending), 2 lawsuits (1 corrected).
        var f = ReportFigures.Of("甲局", Make(2023, 200, 0, 50, 150, 0, [2, 1, 0, 1, 4], [1, 1, 0, 0, 2]));

        Assert.Equal(200, f.Applications);
        Assert.Equal(0.25m, f.ShareRefused);
        Assert.Equal(2m, f.ReconsiderationsPer100);
        Assert.Equal(1m, f.LawsuitsPer100);
        Assert.Equal(0.4m, f.CorrectionRate); // 2 corrected ÷ (4 − 1 + 2 − 0) concluded
        var withheld = f.OutcomeMix.Single(m => m.Label == "（三）不予公开");
        Assert.Equal(50, withheld.Count);
        Assert.Equal(0.25m, withheld.Share);
        Assert.Equal(6, f.OutcomeMix.Count);
    }

    [Fact]
    public void Figures_NoApplicationsOrBlanks_RatiosNull()
    {
        var r = Make(2023, 0, 0, 0, 0, 0, [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]);
        r.SetApplications("apps.outcome.granted", ApplicantColumn.Total, null);

        var f = ReportFigures.Of("甲局", r);

        Assert.Null(f.ReconsiderationsPer100);
        Assert.Null(f.CorrectionRate);
        Assert.Null(f.OutcomeMix.Single(m => m.Label == "（一）予以公开").Count);
    }

    [Fact]
    public void Peers_PooledNotAveraged()
    {
        var small = ReportFigures.Of("小", Make(2023, 10, 0, 5, 5, 0, [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]));
        var large = ReportFigures.Of("大", Make(2023, 90, 0, 0, 90, 0, [0, 0, 0, 1, 1], [0, 0, 0, 0, 0]));

        var peers = PeerComparison.Of([small, large]);

        Assert.Equal(50m, peers.ApplicationsPerAgency);
        Assert.Equal(0.05m, peers.ShareRefused); // 5 ÷ 100, not (0.5 + 0) ÷ 2
        Assert.Equal(1m, peers.ReconsiderationsPer100);
        Assert.Null(peers.CorrectionRate); // the one review is pending: nothing concluded
    }

    public static TheoryData<int[], int[], int[], string[]> HistoryCases => new()
    {
        // years, carried over per year, carried forward per year, expected breaks
        { [2021, 2022, 2023], [0, 3, 4], [3, 4, 0], [] },
        { [2021, 2022], [0, 5], [3, 0], ["2022 CarryOverMismatch 3→5"] },
        { [2020, 2021], [0, 3], [3, 0], ["2021 EditionChanged"] },
        { [2019, 2022], [0, 9], [3, 0], ["2022 MissingYears 2020→2021"] },
    };

    [Theory]
    [MemberData(nameof(HistoryCases))]
    public void History_BreaksFlagged(int[] years, int[] carriedOver, int[] carriedForward, string[] expected)
    {
        var reports = years.Select((y, i) => Make(y, 10, carriedOver[i], 0, 10 + carriedOver[i] - carriedForward[i], carriedForward[i], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0],
            ReportEditions.ExpectedFor(y)!.Value)).Reverse().ToArray();

        var history = AgencyHistory.Of("甲局", reports);

        Assert.Equal(years, history.Years.Select(f => f.Year!.Value));
        Assert.Equal(expected, history.Breaks.Select(b => b.Kind == YearBreakKind.EditionChanged ? $"{b.Year} {b.Kind}" : $"{b.Year} {b.Kind} {b.Before}→{b.After}"));
    }

    [Theory]
    [InlineData(3, 17, 1, "0.176471")]
    [InlineData(7, 13, 1, "0.538462")]
    [InlineData(1, 3, 100, "33.333333")]
    [InlineData(0, 5, 1, "0")]
    public void Ratio_SixDecimals_SoAShareShownTo01PercentIsNotRoundedTwice(int part, int whole, int scale, string expected)
    {
        var ratio = ReportFigures.Ratio(part, whole, scale)!.Value;

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ratio);
        // 17.647 % shows as 17.6 %, not 17.7 % (as it did from 0.1765).
        Assert.Equal(Math.Round(part * 100m * scale / whole, 1, MidpointRounding.AwayFromZero), Math.Round(ratio * 100, 1, MidpointRounding.AwayFromZero));
    }
}

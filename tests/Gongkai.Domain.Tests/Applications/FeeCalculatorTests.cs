using Gongkai.Domain.Fees;

namespace Gongkai.Domain.Tests.Applications;

/// <summary>The worked examples of ogi-rules F-07, and the tier edges.</summary>
public sealed class FeeCalculatorTests
{
    [Fact]
    public void PerPiece_TwelfthApplicationOfTheMonth_100Yuan() => Assert.Equal(100m, FeeCalculator.PerPiece(11, 1));

    [Fact]
    public void PerPiece_ThirtyFivePiecesInAMonth_3000Yuan() => Assert.Equal(3000m, FeeCalculator.PerPiece(0, 35));

    [Fact]
    public void PerVolume_150Pages_1700Yuan() => Assert.Equal(1700m, FeeCalculator.PerVolume(150));

    [Theory]
    [InlineData(10, 0)]
    [InlineData(11, 100)]
    [InlineData(30, 100)]
    [InlineData(31, 200)]
    [InlineData(40, 200)]
    [InlineData(41, 300)]
    [InlineData(51, 400)]
    public void RateOfPiece_Tiers(int piece, int rate) => Assert.Equal(rate, FeeCalculator.RateOfPiece(piece));

    [Theory]
    [InlineData(30, 0)]
    [InlineData(31, 10)]
    [InlineData(100, 700)]
    [InlineData(101, 720)]
    [InlineData(200, 2700)]
    [InlineData(201, 2740)]
    public void PerVolume_Tiers(int pages, int fee) => Assert.Equal(fee, FeeCalculator.PerVolume(pages));

    [Fact]
    public void PerPiece_SplitAcrossApplications_SameAsAtOnce() =>
        Assert.Equal(FeeCalculator.PerPiece(0, 35), FeeCalculator.PerPiece(0, 12) + FeeCalculator.PerPiece(12, 23));
}

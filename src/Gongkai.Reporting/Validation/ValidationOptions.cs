namespace Gongkai.Reporting.Validation;

/// <summary>Tunable thresholds of the supervisor checks; the statutory rules have none.</summary>
public sealed record ValidationOptions
{
    public static ValidationOptions Default { get; } = new();

    /// <summary>I-02: 一、总体情况 "in principle no more than 1 000 characters" (2021 format).</summary>
    public int OverviewCharacterLimit { get; init; } = 1000;

    /// <summary>
    /// [I] The 2019 format asks supervisors to look into high （六）其他处理 counts without a number;
    /// this share of all outcomes (and at least <see cref="HighOtherMinimumOutcomes"/> outcomes) is flagged.
    /// </summary>
    public decimal HighOtherShare { get; init; } = 0.2m;

    public int HighOtherMinimumOutcomes { get; init; } = 10;
}

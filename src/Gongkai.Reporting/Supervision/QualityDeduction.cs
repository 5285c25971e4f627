namespace Gongkai.Reporting.Supervision;

/// <summary>One line of a quality score: what was found, how often, and the points it costs.</summary>
public sealed record QualityDeduction(QualityCategory Category, int Count, int Points);

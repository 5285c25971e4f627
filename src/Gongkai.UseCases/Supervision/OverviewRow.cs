using Gongkai.Domain.Organisation;

namespace Gongkai.UseCases.Supervision;

/// <summary>One agency in the supervisor's overview for a year.</summary>
/// <param name="Status">One of <see cref="ReportStatus"/>.</param>
/// <param name="PublishedOn">First publication in Gongkai, or the publication day an officer recorded for a collected report.</param>
/// <param name="Late">Published after the statutory deadline, or not published once it has passed (条例第四十九条).</param>
/// <param name="Score">The quality score, or null when there is no report to score.</param>
/// <param name="Uncertain">Uncertain readings of a collected report still to confirm.</param>
public sealed record OverviewRow(
    string Code, string Name, AgencyLevel Level, AgencyKind Kind, string? Parent, string Status, DateOnly? PublishedOn, bool Late,
    int Errors, int Warnings, int? Score, int Uncertain);

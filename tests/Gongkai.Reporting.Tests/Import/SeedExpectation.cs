using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// What a careful human reads in a seed, typed by hand from the file: every cell not listed takes the
/// table's default (0 where the report prints zeros everywhere, blank where it prints blanks).
/// </summary>
internal sealed record SeedExpectation(
    string File,
    ReportEdition Edition,
    string Agency,
    int Year,
    string? ProactiveDefault,
    Dictionary<string, string?> Proactive,
    int? ApplicationsDefault,
    Dictionary<string, int?[]> Applications,
    int? ReviewDefault,
    Dictionary<string, int?> Review,
    bool HasTotalColumn = true,
    string? Sec1Start = null,
    string? Sec5Start = null,
    string? Sec6Start = null);

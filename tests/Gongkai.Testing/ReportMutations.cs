using System.Globalization;
using System.Text.Json;
using Gongkai.Domain.Reports;

namespace Gongkai.Testing;

/// <summary>
/// Applies spec-fixture edits to a report: <c>"apps.outcome.granted@natural_person": 9</c>,
/// <c>"proactive.…": "text" | number | null</c>, <c>"review.total": 3</c>, <c>"sec5": ""</c>,
/// <c>"agency": null</c>, <c>"year": 2020</c>.
/// </summary>
public static class ReportMutations
{
    public static AnnualReport Apply(AnnualReport report, IReadOnlyDictionary<string, JsonElement> edits)
    {
        foreach (var (key, value) in edits)
        {
            if (key == "agency")
            {
                report.Agency = value.ValueKind == JsonValueKind.Null ? null : value.GetString();
            }
            else if (key == "year")
            {
                report.Year = value.ValueKind == JsonValueKind.Null ? null : value.GetInt32();
            }
            else if (ReportSections.Keys.Contains(key))
            {
                report.Sections.Set(key, value.GetString() ?? string.Empty);
            }
            else if (key.Contains('@', StringComparison.Ordinal))
            {
                var parts = key.Split('@');
                ApplicantColumns.TryParseKey(parts[1], out var column);
                report.SetApplications(parts[0], column, Count(value));
            }
            else if (key.StartsWith("proactive", StringComparison.Ordinal))
            {
                report.SetProactive(key, value.ValueKind switch
                {
                    JsonValueKind.Null => CellValue.Blank,
                    JsonValueKind.String => CellValue.FromText(value.GetString()!),
                    _ => CellValue.Parse(value.GetRawText()),
                });
            }
            else
            {
                report.SetReview(key, Count(value));
            }
        }

        return report;
    }

    private static int? Count(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null ? null : int.Parse(value.GetRawText(), CultureInfo.InvariantCulture);
}

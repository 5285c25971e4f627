using System.Globalization;
using System.Text.Json;
using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Json;

/// <summary>
/// Reads the canonical report JSON. Bad input becomes diagnostics: malformed JSON (GK1002), a missing
/// edition (GK1003), unknown keys (GK1004, ignored), values of the wrong type (GK1005, left blank).
/// Fields outside the contract (diagnostics, source positions) are accepted and ignored.
/// </summary>
public static class CanonicalJsonReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
    };

    public static ReadResult Read(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var col = (int)(ex.BytePositionInLine ?? 0) + 1;
            return ReadResult.Failed(DiagnosticCatalog.JsonSyntax.Create(DiagnosticLocation.At(line, col), line, col, FirstSentence(ex.Message)));
        }

        using (doc)
        {
            return Read(doc.RootElement);
        }
    }

    public static ReadResult Read(JsonElement root)
    {
        var diagnostics = new List<Diagnostic>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            diagnostics.Add(DiagnosticCatalog.WrongFieldType.Create(DiagnosticLocation.Report, "(根)", "JSON 对象"));
            return new ReadResult(null, diagnostics);
        }

        var editionText = root.TryGetProperty("edition", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        if (!ReportEditions.TryParse(editionText, out var edition))
        {
            var shown = root.TryGetProperty("edition", out var raw) ? raw.ToString() : "(缺失)";
            diagnostics.Add(DiagnosticCatalog.UnknownEdition.Create(DiagnosticLocation.Meta("edition"), shown));
            return new ReadResult(null, diagnostics);
        }

        var report = new AnnualReport(edition);
        ReadMeta(root, report, diagnostics);
        ReadSections(root, report, diagnostics);
        ReadProactive(root, report, diagnostics);
        ReadApplications(root, report, diagnostics);
        ReadReview(root, report, diagnostics);
        return new ReadResult(report, diagnostics);
    }

    private static void ReadMeta(JsonElement root, AnnualReport report, List<Diagnostic> diagnostics)
    {
        if (root.TryGetProperty("agency", out var agency))
        {
            if (agency.ValueKind == JsonValueKind.String)
            {
                report.Agency = agency.GetString();
            }
            else if (agency.ValueKind != JsonValueKind.Null)
            {
                diagnostics.Add(DiagnosticCatalog.WrongFieldType.Create(DiagnosticLocation.Meta("agency"), "agency", "字符串或 null"));
            }
        }

        if (root.TryGetProperty("year", out var year))
        {
            if (year.ValueKind == JsonValueKind.Number && year.TryGetInt32(out var y))
            {
                report.Year = y;
            }
            else if (year.ValueKind != JsonValueKind.Null)
            {
                diagnostics.Add(DiagnosticCatalog.WrongFieldType.Create(DiagnosticLocation.Meta("year"), "year", "整数或 null"));
            }
        }
    }

    private static void ReadSections(JsonElement root, AnnualReport report, List<Diagnostic> diagnostics)
    {
        if (!TryGetObject(root, "sections", diagnostics, out var sections))
        {
            return;
        }

        foreach (var property in sections.EnumerateObject())
        {
            if (!ReportSections.Keys.Contains(property.Name))
            {
                diagnostics.Add(DiagnosticCatalog.UnknownKey.Create(DiagnosticLocation.InSection(property.Name), property.Name, "sections"));
            }
            else if (property.Value.ValueKind == JsonValueKind.String)
            {
                report.Sections.Set(property.Name, property.Value.GetString()!);
            }
            else if (property.Value.ValueKind != JsonValueKind.Null)
            {
                diagnostics.Add(DiagnosticCatalog.WrongFieldType.Create(DiagnosticLocation.InSection(property.Name), "sections." + property.Name, "字符串"));
            }
        }
    }

    private static void ReadProactive(JsonElement root, AnnualReport report, List<Diagnostic> diagnostics)
    {
        if (!TryGetObject(root, "proactive", diagnostics, out var proactive))
        {
            return;
        }

        foreach (var property in proactive.EnumerateObject())
        {
            var location = DiagnosticLocation.Cell("二", property.Name);
            if (!report.Schema.IsProactiveKey(property.Name))
            {
                diagnostics.Add(DiagnosticCatalog.UnknownKey.Create(location, property.Name, "proactive，版本 " + report.Edition.ToCode()));
                continue;
            }

            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.Null:
                    report.SetProactive(property.Name, CellValue.Blank);
                    break;
                case JsonValueKind.String:
                    var text = value.GetString()!;
                    report.SetProactive(property.Name, text.Length == 0 ? CellValue.Blank : CellValue.FromText(text));
                    break;
                case JsonValueKind.Number:
                    var raw = value.GetRawText();
                    if (CellValue.TryParseNumber(raw, out var number))
                    {
                        report.SetProactive(property.Name, number);
                    }
                    else if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                    {
                        report.SetProactive(property.Name, CellValue.FromNumber(d));
                    }
                    else
                    {
                        diagnostics.Add(DiagnosticCatalog.WrongValueType.Create(location, property.Name, "数字、文字或 null", raw));
                    }

                    break;
                default:
                    diagnostics.Add(DiagnosticCatalog.WrongValueType.Create(location, property.Name, "数字、文字或 null", Describe(value)));
                    break;
            }
        }
    }

    private static void ReadApplications(JsonElement root, AnnualReport report, List<Diagnostic> diagnostics)
    {
        if (!TryGetObject(root, "applications", diagnostics, out var applications))
        {
            return;
        }

        foreach (var row in applications.EnumerateObject())
        {
            if (!report.Schema.IsApplicationRowKey(row.Name))
            {
                diagnostics.Add(DiagnosticCatalog.UnknownKey.Create(DiagnosticLocation.Cell("三", row.Name), row.Name, "applications，版本 " + report.Edition.ToCode()));
                continue;
            }

            if (row.Value.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Add(DiagnosticCatalog.WrongFieldType.Create(DiagnosticLocation.Cell("三", row.Name), "applications." + row.Name, "JSON 对象"));
                continue;
            }

            foreach (var cell in row.Value.EnumerateObject())
            {
                var location = DiagnosticLocation.Cell("三", row.Name, cell.Name);
                if (!ApplicantColumns.TryParseKey(cell.Name, out var column))
                {
                    diagnostics.Add(DiagnosticCatalog.UnknownKey.Create(location, cell.Name, "applications." + row.Name));
                    continue;
                }

                if (TryReadCount(cell.Value, row.Name + "@" + cell.Name, location, diagnostics, out var count))
                {
                    report.SetApplications(row.Name, column, count);
                }
            }
        }
    }

    private static void ReadReview(JsonElement root, AnnualReport report, List<Diagnostic> diagnostics)
    {
        if (!TryGetObject(root, "review", diagnostics, out var review))
        {
            return;
        }

        foreach (var cell in review.EnumerateObject())
        {
            var location = DiagnosticLocation.Cell("四", cell.Name);
            if (!report.Schema.ReviewColumns.Any(c => c.Key == cell.Name))
            {
                diagnostics.Add(DiagnosticCatalog.UnknownKey.Create(location, cell.Name, "review"));
                continue;
            }

            if (TryReadCount(cell.Value, cell.Name, location, diagnostics, out var count))
            {
                report.SetReview(cell.Name, count);
            }
        }
    }

    private static bool TryReadCount(JsonElement value, string name, DiagnosticLocation location, List<Diagnostic> diagnostics, out int? count)
    {
        count = null;
        if (value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n))
        {
            count = n;
            return true;
        }

        diagnostics.Add(DiagnosticCatalog.WrongValueType.Create(location, name, "整数或 null", Describe(value)));
        return false;
    }

    private static bool TryGetObject(JsonElement root, string name, List<Diagnostic> diagnostics, out JsonElement obj)
    {
        if (!root.TryGetProperty(name, out obj) || obj.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        if (obj.ValueKind != JsonValueKind.Object)
        {
            diagnostics.Add(DiagnosticCatalog.WrongFieldType.Create(DiagnosticLocation.Meta(name), name, "JSON 对象"));
            return false;
        }

        return true;
    }

    private static string Describe(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length > 40 ? text[..40] + "…" : text;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

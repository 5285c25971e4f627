using System.Text;
using System.Text.Json;
using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Organisation;
using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.Reporting;
using Gongkai.Reporting.Json;
using Gongkai.Reporting.Supervision;
using Gongkai.Reporting.Validation;
using Gongkai.UseCases.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Supervision;

/// <summary>
/// Writes versions of a collected report with the overview's figures computed once, on write: diagnostics
/// (import + validation against last year's report), errors, warnings, uncertain readings, score, late.
/// </summary>
public static class CollectedReportStore
{
    /// <summary>Import diagnostics that mark a reading an officer should confirm against the source.</summary>
    public static readonly IReadOnlySet<string> UncertainCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        DiagnosticCatalog.RowAlignmentAssumed.Code, DiagnosticCatalog.CellInferred.Code, DiagnosticCatalog.DigitsSplit.Code,
    };

    internal static async Task<CollectedReportRow> AddVersionAsync(
        GongkaiDbContext db, AgencyInfo agency, long sourceId, AnnualReport report, IReadOnlyList<Diagnostic> importDiagnostics,
        string note, DateOnly? publishedOn, string by, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var year = report.Year!.Value;
        var previous = await ReportLookup.FindAsync(db, agency.Code, year - 1, cancellationToken);
        var number = (await db.CollectedReports.Where(r => r.AgencyCode == agency.Code && r.Year == year).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0) + 1;
        foreach (var old in await db.CollectedReports.Where(r => r.AgencyCode == agency.Code && r.Year == year && r.Current).ToListAsync(cancellationToken))
        {
            old.Current = false;
        }

        var row = NewRow(agency, report, CanonicalJsonWriter.Write(report), importDiagnostics, previous, new ReportValidator(), note, publishedOn, by, now);
        row.SourceId = sourceId;
        row.Number = number;
        db.CollectedReports.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        // The summary is written from the report in memory, not read back and parsed again.
        await ReportSummaryStore.RefreshAsync(db, year, [agency], new Dictionary<long, JustCollected> { [row.Id] = new(row, report, null) }, cancellationToken);
        return row;
    }

    /// <summary>
    /// A new current reading with its figures (validation against last year's report, errors, warnings, uncertain
    /// readings, score, late); the caller sets its source and number. Pure, so a batch computes them on all cores.
    /// </summary>
    internal static CollectedReportRow NewRow(
        AgencyInfo agency, AnnualReport report, string json, IReadOnlyList<Diagnostic> importDiagnostics, AnnualReport? previous,
        ReportValidator validator, string note, DateOnly? publishedOn, string by, DateTimeOffset now, PartialValidation? checkedAlone = null)
    {
        var year = report.Year!.Value;
        // 条例第四十九条: a report printed after its deadline is late; an unknown day is not counted late.
        var late = publishedOn is { } on && PublicationDeadline.IsLate(year, agency.Kind == AgencyKind.Government, on, on);
        var figures = ReportFigures.Of(report, importDiagnostics, validator, previous, late, checkedAlone);
        return new CollectedReportRow
        {
            AgencyCode = agency.Code,
            Year = year,
            Current = true,
            Json = json,
            DiagnosticsJson = WriteDiagnostics(figures.Diagnostics),
            Note = note,
            PublishedOn = publishedOn,
            Late = late,
            Errors = figures.Errors,
            Warnings = figures.Warnings,
            Uncertain = figures.Uncertain,
            Score = figures.Score,
            CreatedAtUtcTicks = now.UtcTicks,
            CreatedBy = by,
        };
    }

    public static string WriteDiagnostics(IReadOnlyList<Diagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartArray();
            foreach (var d in diagnostics)
            {
                DiagnosticJson.Write(w, d);
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>The stored diagnostics back as values (code, severity, location text, message).</summary>
    public static IReadOnlyList<StoredDiagnostic> ReadDiagnostics(string json)
    {
        using var doc = JsonDocument.Parse(string.IsNullOrEmpty(json) ? "[]" : json);
        return doc.RootElement.EnumerateArray().Select(d => new StoredDiagnostic(
            d.GetProperty("code").GetString()!,
            d.GetProperty("severity").GetString()!,
            d.GetProperty("location").GetProperty("text").GetString()!,
            d.GetProperty("location").TryGetProperty("line", out var line) ? line.GetInt32() : null,
            d.GetProperty("message").GetString()!)).ToArray();
    }

    internal static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}

/// <summary>A stored diagnostic as the pages show it.</summary>
public sealed record StoredDiagnostic(string Code, string Severity, string Location, int? Line, string Message);

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Json;
using Gongkai.Reporting.Parsing;
using Gongkai.Reporting.Validation;

namespace Gongkai.Reporting.Import;

/// <summary>
/// Imports every file under a folder, in parallel on all cores, streaming one JSON line (and one CSV
/// row) per file as it finishes: memory stays flat however large the corpus. A file that cannot be read
/// is recorded with its error and never stops the batch. Outputs are written to temporary files and
/// moved into place at the end, so an interrupted run leaves no half-written results.
/// </summary>
public static class BatchImporter
{
    private static readonly JsonWriterOptions LineOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static BatchSummary Run(string directory, string jsonlPath, string? csvPath, Action<int, int>? progress = null)
    {
        var files = Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var jsonlTemp = jsonlPath + ".partial";
        var csvTemp = csvPath is null ? null : csvPath + ".partial";
        int clean = 0, withErrors = 0, unreadable = 0, done = 0;
        var gate = new Lock();
        var validator = new ReportValidator();
        try
        {
            using (var jsonl = new StreamWriter(jsonlTemp, false, new UTF8Encoding(false)))
            using (var csv = csvTemp is null ? null : new StreamWriter(csvTemp, false, new UTF8Encoding(true)))
            {
                csv?.WriteLine(CsvExport.Header());
                Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
                {
                    var relative = Path.GetRelativePath(directory, file);
                    var (line, row, status) = ImportOne(file, relative, validator, csv is not null);
                    lock (gate)
                    {
                        jsonl.WriteLine(line);
                        csv?.WriteLine(row);
                        switch (status)
                        {
                            case ImportStatus.Clean: clean++; break;
                            case ImportStatus.Errors: withErrors++; break;
                            case ImportStatus.Unreadable: unreadable++; break;
                        }

                        done++;
                        progress?.Invoke(done, files.Length);
                    }
                });
            }

            File.Move(jsonlTemp, jsonlPath, overwrite: true);
            if (csvTemp is not null)
            {
                File.Move(csvTemp, csvPath!, overwrite: true);
            }
        }
        finally
        {
            File.Delete(jsonlTemp);
            if (csvTemp is not null)
            {
                File.Delete(csvTemp);
            }
        }

        return new BatchSummary(files.Length, clean, withErrors, unreadable);
    }

    /// <summary>Import plus validation of one file, as one JSON line and (when <paramref name="withCsv"/>) one CSV row.</summary>
    public static (string JsonLine, string? CsvRow, ImportStatus Status) ImportOne(string path, string name, ReportValidator validator, bool withCsv = true)
    {
        ReportCheck check;
        try
        {
            check = ReportCheck.Of(ReportFileReader.ReadFile(path), validator);
        }
#pragma warning disable CA1031 // One bad file must never stop a batch: a bug on one input is recorded against that file.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var bug = DiagnosticCatalog.FileUnreadable.Create(DiagnosticLocation.Report, $"内部错误：{ex.GetType().Name}: {ex.Message}");
            check = ReportCheck.Of(ReadResult.Failed(bug), validator);
        }

        var status = !check.Readable ? ImportStatus.Unreadable : check.Errors > 0 ? ImportStatus.Errors : ImportStatus.Clean;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, LineOptions))
        {
            w.WriteStartObject();
            w.WriteString("file", name);
            w.WriteString("status", status switch
            {
                ImportStatus.Clean => "clean",
                ImportStatus.Errors => "errors",
                ImportStatus.Unreadable => "unreadable",
            });
            w.WriteNumber("errors", check.Errors);
            w.WriteNumber("warnings", check.Warnings);
            w.WritePropertyName("report");
            if (check.Report is { } report)
            {
                CanonicalJsonWriter.WriteReport(w, report);
            }
            else
            {
                w.WriteNullValue();
            }

            DiagnosticJson.WriteArray(w, "diagnostics", check.Diagnostics);
            w.WriteEndObject();
        }

        return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), withCsv ? CsvExport.Row(name, status, check.Report, check.Diagnostics) : null, status);
    }
}

using System.Diagnostics;
using System.Globalization;
using Gongkai.Reporting.Import;
using Gongkai.Reporting.Parsing;

namespace Gongkai.Bench;

/// <summary>
/// Import throughput on all cores for text and HTML reports, beside the throughput of merely reading
/// and decoding the same bytes; then a streaming batch import with its memory sampled while it runs.
/// </summary>
internal static class ImportBench
{
    public static int Run(string[] args)
    {
        var files = Option(args, "--files", 10_000);
        var corpusDir = OptionText(args, "--corpus") ?? Path.Combine(Path.GetTempPath(), "gongkai-bench-corpus");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, corpus {corpusDir}");
        var watch = Stopwatch.StartNew();
        var (text, html, oneLine) = Corpus.Ensure(corpusDir, files);
        Console.WriteLine($"corpus: {text.Length} text + {html.Length} HTML + {oneLine.Length} one-line/run-together reports ({Bytes(text.Concat(html).Concat(oneLine).Sum(f => new FileInfo(f).Length))}), ready in {watch.Elapsed.TotalSeconds:0.0} s");

        foreach (var (name, set) in new[] { ("text", text), ("HTML", html), ("one-line", oneLine) })
        {
            Measure(set, DecodeOnly);
            Measure(set, Import);
            var decode = Best(set, DecodeOnly);
            var import = Best(set, Import);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"import {name,-8}: {set.Length / import:0} reports/s  (read+decode only: {set.Length / decode:0} reports/s; import takes {import / decode:0.0}x the time of reading+decoding)"));
        }

        BatchMemory(Path.GetDirectoryName(text[0])!, text.Length);
        return 0;
    }

    private static void DecodeOnly(string file)
    {
        var bytes = File.ReadAllBytes(file);
        _ = TextDecoding.Decode(bytes, out _);
    }

    private static void Import(string file)
    {
        var result = ReportFileReader.ReadFile(file);
        if (result.Report is null)
        {
            throw new InvalidOperationException(file + ": " + string.Join("; ", result.Diagnostics));
        }
    }

    /// <summary>Best of three timed passes, in seconds, on all cores.</summary>
    private static double Best(string[] files, Action<string> work) =>
        Enumerable.Range(0, 3).Min(_ => Measure(files, work));

    private static double Measure(string[] files, Action<string> work)
    {
        var watch = Stopwatch.StartNew();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, work);
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>The CLI's batch path (JSON Lines + CSV), with the working set sampled every 50 ms.</summary>
    private static void BatchMemory(string directory, int count)
    {
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var samples = new List<long>();
        using var timer = new Timer(_ =>
        {
            process.Refresh();
            lock (samples)
            {
                samples.Add(process.WorkingSet64);
            }
        }, null, 0, 50);
        var output = Path.Combine(Path.GetTempPath(), "gongkai-bench-results.jsonl");
        var watch = Stopwatch.StartNew();
        var summary = BatchImporter.Run(directory, output, output + ".csv");
        watch.Stop();
        long[] taken;
        lock (samples)
        {
            taken = [.. samples];
        }

        var quarter = Math.Max(1, taken.Length / 4);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"batch import (JSON Lines + CSV, validation included): {summary.Files} files in {watch.Elapsed.TotalSeconds:0.0} s = {summary.Files / watch.Elapsed.TotalSeconds:0} reports/s; clean {summary.Clean}, with errors {summary.WithErrors}, unreadable {summary.Unreadable}"));
        Console.WriteLine(
            $"memory during batch: working set before {Bytes(before)}, peak {Bytes(taken.DefaultIfEmpty(before).Max())}; " +
            $"mean of first quarter {Bytes((long)taken.Take(quarter).DefaultIfEmpty(before).Average())}, of last quarter {Bytes((long)taken.TakeLast(quarter).DefaultIfEmpty(before).Average())}; results file {Bytes(new FileInfo(output).Length)} written as it went");
        File.Delete(output);
        File.Delete(output + ".csv");
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string? OptionText(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string Bytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.0} MB");
}

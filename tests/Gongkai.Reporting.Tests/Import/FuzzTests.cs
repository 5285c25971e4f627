using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Parsing;
using Gongkai.Reporting.Rendering;
using Gongkai.Reporting.Validation;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Bad input gets diagnostics, never an exception: ≥ 10,000 seeded mutations of real, rendered and
/// degraded (crawled, run-together, reading-order) reports — truncation, byte flips, shuffled and duplicated lines, 1 MB cells, binary junk — each read
/// and validated. The same seed gives the same inputs on every run.
/// </summary>
public sealed class FuzzTests
{
    private const int Mutations = 10_000;

    [Fact]
    public void Read_TenThousandMutations_NoExceptionAndDiagnosticsWhenUnreadable()
    {
        var corpus = Corpus();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var unreadable = 0;
        var validator = new ReportValidator();
        Parallel.For(0, Mutations, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var random = new Random(1000 + i);
            var (name, original) = corpus[random.Next(corpus.Length)];
            var (kind, input) = Mutate(random, original);
            try
            {
                var result = ReportFileReader.Read(input);
                if (result.Report is null)
                {
                    Interlocked.Increment(ref unreadable);
                    if (result.Diagnostics.Count == 0)
                    {
                        failures.Add($"#{i} {name}/{kind}: no report and no diagnostic");
                    }
                }
                else
                {
                    _ = validator.Validate(result.Report);
                    _ = Gongkai.Reporting.Json.CanonicalJsonWriter.Write(result.Report);
                }
            }
#pragma warning disable CA1031 // The point of the test: any exception is a failure to report.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures.Add($"#{i} {name}/{kind}: {ex.GetType().Name}: {ex.Message}");
            }
        });

        Assert.True(failures.IsEmpty, string.Join('\n', failures.Take(20)));
        Assert.InRange(unreadable, 1, Mutations - 1);
    }

    [Fact]
    public void Read_HundredMegabytesOfJunk_RefusedBySizeWithMessage()
    {
        var path = Path.Combine(Path.GetTempPath(), "gongkai-junk-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var stream = File.Create(path))
            {
                var block = new byte[1 << 20];
                new Random(1).NextBytes(block);
                for (var i = 0; i < 100; i++)
                {
                    stream.Write(block);
                }
            }

            var result = ReportFileReader.ReadFile(path);

            Assert.Null(result.Report);
            var d = Assert.Single(result.Diagnostics);
            Assert.Equal("GK1007", d.Code);
            Assert.Contains("100 MB", d.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_JunkUnderTheSizeLimit_RefusedAsNotText()
    {
        var junk = new byte[8 << 20];
        new Random(2).NextBytes(junk);

        var result = ReportFileReader.Read(junk);

        Assert.Null(result.Report);
        Assert.Equal("GK1001", Assert.Single(result.Diagnostics).Code);
    }

    private static (string Name, byte[] Bytes)[] Corpus()
    {
        var list = new List<(string, byte[])>();
        foreach (var file in Directory.GetFiles(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "seeds")))
        {
            list.Add((Path.GetFileName(file), File.ReadAllBytes(file)));
        }

        foreach (var (name, report) in new[]
        {
            ("random-2021", RandomReports.Create(3, ReportEdition.Edition2021)),
            ("random-2019", RandomReports.Create(4, ReportEdition.Edition2019)),
        })
        {
            foreach (var format in new[] { RenderFormat.Markdown, RenderFormat.Html, RenderFormat.Text })
            {
                list.Add((name + ReportRenderer.Extension(format), Encoding.UTF8.GetBytes(ReportRenderer.RenderToString(report, format))));
            }

            // The crawled and converted shapes (one line, run together, CR, cells one per line, reading order…)
            // go through the running-text splitter, the digit-run search and the reading-order stage.
            var text = ReportRenderer.RenderToString(report, RenderFormat.Text);
            foreach (var (shape, degrade) in Degrade.Shapes)
            {
                list.Add((name + "." + shape, Encoding.UTF8.GetBytes(degrade(text))));
            }

            using var docx = new MemoryStream();
            ReportRenderer.Render(report, RenderFormat.Docx, docx);
            list.Add((name + ".docx", docx.ToArray()));
            list.Add((name + ".json", Encoding.UTF8.GetBytes(Gongkai.Reporting.Json.CanonicalJsonWriter.Write(report))));
        }

        return [.. list];
    }

    private static (string Kind, byte[] Bytes) Mutate(Random random, byte[] original)
    {
        // Kinds 0–7 are equally likely; a 1 MB cell (kind 5) is drawn for one input in fifty.
        var kind = random.Next(50) == 0 ? 5 : random.Next(8) switch { 5 => 8, var k => k };
        switch (kind)
        {
            case 0:
                return ("truncate", original[..random.Next(original.Length)]);
            case 1:
                var flipped = (byte[])original.Clone();
                for (var k = random.Next(1, 50); k > 0; k--)
                {
                    flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                }

                return ("flip", flipped);
            case 2:
                return ("shuffle", Lines(original, random, (lines, r) => lines.OrderBy(_ => r.Next()).ToList()));
            case 3:
                return ("duplicate", Lines(original, random, (lines, r) =>
                {
                    var at = r.Next(lines.Count);
                    lines.InsertRange(r.Next(lines.Count), lines.Skip(at).Take(r.Next(1, 20)).ToList());
                    return lines;
                }));
            case 4:
                return ("delete", Lines(original, random, (lines, r) =>
                {
                    lines.RemoveRange(r.Next(lines.Count), 0);
                    return lines.Where(_ => r.Next(10) > 0).ToList();
                }));
            case 5:
                return ("huge-cell", Lines(original, random, (lines, r) =>
                {
                    lines.Insert(r.Next(lines.Count), "（一）予以公开\t" + new string(r.Next(2) == 0 ? '9' : '字', 1 << 20) + "\t0");
                    return lines;
                }));
            case 6:
                var junk = new byte[random.Next(1, 4096)];
                random.NextBytes(junk);
                return ("junk", junk);
            case 7:
                var spliced = (byte[])original.Clone();
                var start = random.Next(spliced.Length);
                for (var k = start; k < Math.Min(spliced.Length, start + random.Next(1, 512)); k++)
                {
                    spliced[k] = (byte)random.Next(256);
                }

                return ("splice-junk", spliced);
            default:
                return ("empty-or-tiny", random.Next(2) == 0 ? [] : Encoding.UTF8.GetBytes("一、总体情况\n二、主动公开政府信息情况\n"));
        }
    }

    private static byte[] Lines(byte[] original, Random random, Func<List<string>, Random, List<string>> change)
    {
        var text = Encoding.UTF8.GetString(original);
        return Encoding.UTF8.GetBytes(string.Join('\n', change([.. text.Split('\n')], random)));
    }
}

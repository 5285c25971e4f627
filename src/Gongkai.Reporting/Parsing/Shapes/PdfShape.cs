using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Reporting.Parsing.Shapes;

/// <summary>
/// PDF through poppler's <c>pdftotext -layout</c>: columns become runs of spaces, which the table
/// tokenizer splits. Page headers and footers (lines repeated on most pages, page numbers) are removed
/// so that a table broken across pages reads as one.
/// </summary>
public static partial class PdfShape
{
    /// <summary>The message when pdftotext is not installed.</summary>
    public const string MissingTool = "读取 PDF 需要 poppler-utils 中的 pdftotext：请运行 sudo apt-get install poppler-utils（Debian/Ubuntu）后重试";

    public static bool IsAvailable()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("pdftotext", "-v") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false });
            p?.WaitForExit(5000);
            return p is not null;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }

    /// <summary>How long pdftotext may run before it (and anything it started) is killed.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The most text pdftotext may print (a real report is well under 1 M characters).</summary>
    public const int MaxTextChars = 16 * 1024 * 1024;

    /// <summary>Runs pdftotext; returns null with a reason when it is missing or fails.</summary>
    public static List<SourceLine>? Lines(byte[] pdf, out string problem) => Lines(pdf, out problem, "pdftotext", Timeout);

    /// <summary>Runs <paramref name="tool"/> (pdftotext) with a time limit; tests pass a stand-in that hangs.</summary>
    public static List<SourceLine>? Lines(byte[] pdf, out string problem, string tool, TimeSpan timeout)
    {
        var input = Path.Combine(Path.GetTempPath(), "gongkai-" + Guid.NewGuid().ToString("N") + ".pdf");
        try
        {
            File.WriteAllBytes(input, pdf);
            if (Run(tool, ["-layout", "-enc", "UTF-8", input, "-"], timeout, truncate: false, out problem) is not { } text)
            {
                return null;
            }

            var lines = WithoutPageFurniture(text);
            if (MetadataTitle(input) is { } title)
            {
                // Converters sometimes leave the title out of the page text but keep it as metadata.
                lines.Insert(0, new SourceLine(title, 0));
            }

            return lines;
        }
        finally
        {
            File.Delete(input);
        }
    }

    /// <summary>
    /// The text of a PDF in reading order (pdftotext without -layout), for a full-text index: up to
    /// <paramref name="maxChars"/> characters (the rest dropped), under the same time limit as the import; null and why
    /// when pdftotext is missing, fails or runs too long.
    /// </summary>
    public static string? PlainText(byte[] pdf, int maxChars, out string problem)
    {
        var input = Path.Combine(Path.GetTempPath(), "gongkai-" + Guid.NewGuid().ToString("N") + ".pdf");
        try
        {
            File.WriteAllBytes(input, pdf);
            return Run("pdftotext", ["-enc", "UTF-8", input, "-"], Timeout, truncate: true, out problem, maxChars);
        }
        finally
        {
            File.Delete(input);
        }
    }

    /// <summary>
    /// Runs pdftotext and gives its standard output: killed after <paramref name="timeout"/>; output beyond
    /// <paramref name="maxChars"/> refused (null) or, with <paramref name="truncate"/>, dropped.
    /// </summary>
    private static string? Run(string tool, string[] args, TimeSpan timeout, bool truncate, out string problem, int maxChars = MaxTextChars)
    {
        problem = string.Empty;
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Win32Exception)
        {
            problem = MissingTool;
            return null;
        }

        using (process)
        {
            if (process is null)
            {
                problem = MissingTool;
                return null;
            }

            // Both pipes are read in the background: a synchronous ReadToEnd waited for pdftotext to finish, so the
            // timeout after it never took effect (a hanging pdftotext held the request for ever).
            var errors = Drain(process.StandardError, MaxMessageChars, keepReading: true);
            var output = Drain(process.StandardOutput, maxChars, keepReading: truncate);
            if (!process.WaitForExit(timeout) || !output.Wait(timeout))
            {
                Kill(process);
                problem = $"pdftotext 超时（{timeout.TotalSeconds:0} 秒），已终止";
                return null;
            }

            if (output.Result is not { } text)
            {
                Kill(process);
                problem = $"PDF 转出的文字超过 {maxChars / (1024 * 1024)} M 字符，可能是恶意构造的文件，未读取";
                return null;
            }

            if (process.ExitCode != 0)
            {
                problem = "pdftotext 无法读取此 PDF：" + (errors.Wait(timeout) ? errors.Result!.Trim() : string.Empty);
                return null;
            }

            return text;
        }
    }

    /// <summary>What is kept of a tool's standard error for the message (the rest is read and dropped).</summary>
    private const int MaxMessageChars = 4096;

    /// <summary>
    /// Reads a tool's pipe to its end on a thread of its own, keeping up to <paramref name="maxChars"/>: when there is more,
    /// the task gives null and stops reading (standard output: the tool is then killed), or, with
    /// <paramref name="keepReading"/>, the text so far and the rest is read and dropped (standard error: the tool must
    /// never block on a full pipe). Not the thread pool's asynchronous reads: when a busy server's pool was short of
    /// threads those waited for one while pdfinfo, its 64 KB pipe full of warnings, waited for them, until the timeout.
    /// </summary>
    private static Task<string?> Drain(StreamReader reader, int maxChars, bool keepReading) => Task.Factory.StartNew(() =>
    {
        var text = new StringBuilder();
        var buffer = new char[65536];
        var full = false;
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (full)
            {
                continue;
            }

            if (text.Length + read > maxChars)
            {
                if (!keepReading)
                {
                    return null;
                }

                text.Append(buffer, 0, maxChars - text.Length);
                full = true;
                continue;
            }

            text.Append(buffer, 0, read);
        }

        return (string?)text.ToString();
    }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }
    }

    /// <summary>The document's metadata title (pdfinfo), when it reads like a report title; else null.</summary>
    private static string? MetadataTitle(string pdf)
    {
        try
        {
            var start = new ProcessStartInfo("pdfinfo") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8 };
            start.ArgumentList.Add("-enc");
            start.ArgumentList.Add("UTF-8");
            start.ArgumentList.Add(pdf);
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            // Standard error is drained too: pdfinfo writing more warnings than a pipe holds (a title of invalid characters)
            // otherwise blocked until the timeout, ten seconds a file.
            _ = Drain(process.StandardError, MaxMessageChars, keepReading: true);
            var read = Drain(process.StandardOutput, MaxMessageChars * 16, keepReading: true);
            if (!process.WaitForExit(10_000) || !read.Wait(10_000))
            {
                Kill(process);
                return null;
            }

            var output = read.Result!;
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("Title:", StringComparison.Ordinal));
            var title = line?["Title:".Length..].Trim();
            if (string.IsNullOrEmpty(title))
            {
                return null;
            }

            title = WordPrefixRegex().Replace(title, string.Empty);
            return title.Contains("年度报告", StringComparison.Ordinal) || title.Contains("工作报告", StringComparison.Ordinal) ? title : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    /// <summary>Splits pages at form feeds and drops repeated headers/footers and page numbers.</summary>
    public static List<SourceLine> WithoutPageFurniture(string text)
    {
        var pages = text.Split('\f');
        var pageLines = pages.Select(p => p.Split('\n').Select(l => l.TrimEnd('\r')).ToArray()).ToArray();
        var repeated = RepeatedAtEdges(pageLines.Select(page => page.Where(l => l.Trim().Length > 0).Take(2).Concat(page.Where(l => l.Trim().Length > 0).TakeLast(2))).ToList());

        var lines = new List<SourceLine>();
        var number = 0;
        foreach (var page in pageLines)
        {
            var content = Enumerable.Range(0, page.Length).Where(i => page[i].Trim().Length > 0).ToArray();
            var edges = content.Take(2).Concat(content.TakeLast(2)).ToHashSet();
            for (var i = 0; i < page.Length; i++)
            {
                var line = page[i];
                number++;
                var trimmed = line.Trim();
                if (edges.Contains(i) && (PageNumberRegex().IsMatch(trimmed) || repeated.Contains(FurnitureKey(trimmed))))
                {
                    continue;
                }

                lines.Add(new SourceLine(line, number));
            }
        }

        return lines;
    }

    /// <summary>
    /// The furniture keys (<see cref="FurnitureKey"/>) of the lines printed at the edge of most pages, each page given by
    /// its edge lines (the first two and the last two with text); none for fewer than three pages.
    /// </summary>
    internal static HashSet<string> RepeatedAtEdges(IReadOnlyList<IEnumerable<string>> pageEdges)
    {
        if (pageEdges.Count < 3)
        {
            return [];
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var edges in pageEdges)
        {
            foreach (var key in edges.Select(FurnitureKey).Where(k => k.Count(char.IsLetter) >= 2).Distinct())
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return counts.Where(kv => kv.Value >= Math.Max(2, pageEdges.Count / 2)).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^(Microsoft Word|WPS 文字|WPS文字)\s*-\s*|\.(docx?|wps|pdf)$", RegexOptions.IgnoreCase)]
    private static partial Regex WordPrefixRegex();

    /// <summary>
    /// A page's header or footer line as compared across pages: its numbers (page, date, time) masked and its spacing
    /// collapsed, as a browser's print header (12/1/26, 12:15 AM  title) and footer (file:///…  3/4) are spaced
    /// differently on every page. Only a line with words counts: a table row of figures is never furniture.
    /// </summary>
    internal static string FurnitureKey(string line) => SpacesRegex().Replace(DigitsRegex().Replace(line.Trim(), "#"), " ");

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitsRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacesRegex();

    [GeneratedRegex(@"^(-\s*\d+\s*-|第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|\d{1,3})$")]
    private static partial Regex PageNumberRegex();
}

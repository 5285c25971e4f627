using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using Gongkai.Reporting.Parsing.Shapes;

namespace Gongkai.Web.Tests.Security;

/// <summary>
/// Issue 11 item 1: an anonymous .docx whose document.xml inflates far beyond any report is refused after inflating at
/// most the limit (nothing kept), the endpoint is limited in rate and concurrency, and pdftotext is killed on time.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ZipBombTests : IClassFixture<ZipBombTests.Bomb>, IDisposable
{
    private readonly GongkaiFactory _factory = new() { Settings = new() { ["Gongkai:ValidatePerMinute"] = "3" } };
    private readonly Bomb _bomb;

    public ZipBombTests(Bomb bomb) => _bomb = bomb;

    [Fact]
    public async Task Validate_DocxInflatingTo400MB_RefusedQuicklyAsUnreadable()
    {
        using var client = _factory.CreateClient();
        var watch = Stopwatch.StartNew();

        // Sent as curl sends a file (--data-binary): labelled a form; the endpoint reads the raw body all the same.
        var content = new ByteArrayContent(_bomb.Docx);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        var response = await client.PostAsync("/api/reports/validate", content);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("解压后超过", body, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), watch.Elapsed.ToString());
    }

    [Fact]
    public void Read_SizesDeclaredSmall_NeverInflatesTheRealSize()
    {
        // The central directory and the local headers claim 1 KB; the data inflates to 400 MB. Whichever stops it (the
        // zip reader at the declared size, or DocxShape's counting), the file is unreadable and nothing big is inflated.
        var lying = Lie(_bomb.Docx);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var result = Gongkai.Reporting.Parsing.ReportFileReader.Read(lying);

        Assert.Null(result.Report);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64L * 1024 * 1024, "allocated " + (GC.GetAllocatedBytesForCurrentThread() - before));
    }

    [Fact]
    public async Task Validate_FourthCheckInAMinute_429WithRetryAfter()
    {
        using var client = _factory.CreateClient();
        var small = Encoding.UTF8.GetBytes("{}");
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostAsync("/api/reports/validate", new ByteArrayContent(small))).StatusCode);
        }

        var limited = await client.PostAsync("/api/reports/validate", new ByteArrayContent(small));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
    }

    [Fact]
    public void Pdftotext_Hangs_KilledWithItsChildrenAtTheTimeout()
    {
        var directory = Directory.CreateTempSubdirectory("gongkai-pdf-").FullName;
        try
        {
            // A stand-in for a pdftotext stuck on a hostile PDF: it starts a child and both sleep.
            var tool = Path.Combine(directory, "pdftotext");
            var pidFile = Path.Combine(directory, "child.pid");
            File.WriteAllText(tool, $"#!/bin/sh\nsleep 120 &\necho $! > {pidFile}\nwait\n");
            File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var watch = Stopwatch.StartNew();

            var lines = PdfShape.Lines("%PDF-1.4"u8.ToArray(), out var problem, tool, TimeSpan.FromSeconds(1));

            Assert.Null(lines);
            Assert.Contains("超时", problem, StringComparison.Ordinal);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), watch.Elapsed.ToString());
            var child = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            // SIGKILL is delivered when the child is next scheduled: on a loaded machine (the suite runs in parallel) it can
            // still show as sleeping just after kill() returned. It must be gone within seconds, not 120.
            var gone = Stopwatch.StartNew();
            while (IsRunning(child) && gone.Elapsed < TimeSpan.FromSeconds(5))
            {
                Thread.Sleep(50);
            }

            Assert.False(IsRunning(child), "the child of pdftotext survived");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Rewrites every uncompressed-size field (local headers and central directory) to 1 KB.</summary>
    private static byte[] Lie(byte[] zip)
    {
        var bytes = (byte[])zip.Clone();
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x03 && bytes[i + 3] == 0x04)
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 22, 4), 1024);
            }
            else if (bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02)
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), 1024);
            }
        }

        return bytes;
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>A minimal .docx whose document.xml inflates to 400 MB (built once: compressing it takes a few seconds).</summary>
    public sealed class Bomb
    {
        public Bomb()
        {
            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                Write(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
                Write(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
                var document = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize);
                using var stream = document.Open();
                stream.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"u8);
                var spaces = new byte[1024 * 1024];
                Array.Fill(spaces, (byte)' ');
                for (var i = 0; i < 400; i++)
                {
                    stream.Write(spaces);
                }

                stream.Write("</w:t></w:r></w:p></w:body></w:document>"u8);
            }

            Docx = buffer.ToArray();
        }

        public byte[] Docx { get; }

        private static void Write(ZipArchive zip, string name, string text)
        {
            using var stream = zip.CreateEntry(name).Open();
            stream.Write(Encoding.UTF8.GetBytes(text));
        }
    }
}

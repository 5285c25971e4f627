using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Gongkai.Bench;

/// <summary>
/// Applications with an attachment against a running web host (bench/upload.sh starts one in Production on a SQLite
/// file): each application is POST /api/applications (JSON) and then POST /api/applications/{number}/attachments
/// (multipart, field <c>file</c>, a PDF of the given size, different bytes each time so every upload is hashed and
/// stored). Runs one client, then many, for a few seconds each, and reports applications per second, latency and the
/// server's resident memory (sampled from /proc/PID/status) in each phase: flat memory between 1 and many concurrent
/// uploads is what "streamed, not buffered" looks like from outside.
/// </summary>
public static class UploadBench
{
    // Numbers every upload of the run (not per phase): the stored files are content-addressed, so a number reused in a
    // later phase would upload the same bytes again and be deduplicated instead of stored.
    private static int _sequence;

    public static int Run(string[] args)
    {
        string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var baseUrl = Arg("--base", "http://127.0.0.1:5000");
        var pid = int.Parse(Arg("--pid", "0"), CultureInfo.InvariantCulture);
        var seconds = int.Parse(Arg("--seconds", "15"), CultureInfo.InvariantCulture);
        var many = int.Parse(Arg("--concurrency", "16"), CultureInfo.InvariantCulture);
        var megabytes = int.Parse(Arg("--size-mb", "5"), CultureInfo.InvariantCulture);
        var agency = Arg("--agency", "DEMO");
        var warmup = int.Parse(Arg("--warmup", "10"), CultureInfo.InvariantCulture);

        var body = new byte[megabytes * 1024 * 1024];
        new Random(12).NextBytes(body);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromMinutes(2),
        };

        Console.WriteLine($"server pid {pid}; attachment {megabytes} MB; {Environment.ProcessorCount} cores; load average before: {LoadAverage()}");
        Console.WriteLine($"server RSS idle: {Memory(pid).Rss / 1024} MB");
        // A freshly started host spends its first seconds under load recompiling its hot methods (tiered JIT: the
        // runtime's background compiler took ~70% of the server's CPU in the first 15 s of a cold run, on top of the
        // requests). That is a one-off cost of starting, not of an application: it is shown, then the phases measure
        // the running server.
        if (warmup > 0)
        {
            Phase(client, body, agency, pid, many, warmup, "warm-up (JIT)", print: true);
        }

        foreach (var concurrency in new[] { 1, many })
        {
            Phase(client, body, agency, pid, concurrency, seconds, $"{concurrency} concurrent", print: true);
        }

        Console.WriteLine($"server peak RSS over the whole run (VmHWM): {Memory(pid).Peak / 1024} MB; load average after: {LoadAverage()}");
        return 0;
    }

    private static void Phase(HttpClient client, byte[] body, string agency, int pid, int concurrency, int seconds, string label, bool print)
    {
        var latencies = new List<double>();
        var failures = 0;
        var cpuBefore = CpuSeconds(pid);
        var clientBefore = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var stop = Stopwatch.StartNew();
        long maxRss = 0;
        using var sampler = new Timer(_ => Interlocked.Exchange(ref maxRss, Math.Max(Interlocked.Read(ref maxRss), Memory(pid).Rss)), null, 0, 100);
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (stop.Elapsed.TotalSeconds < seconds)
            {
                var n = Interlocked.Increment(ref _sequence);
                var started = Stopwatch.GetTimestamp();
                var ok = await Submit(client, body, agency, n);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (latencies)
                {
                    if (ok)
                    {
                        latencies.Add(ms);
                    }
                    else
                    {
                        failures++;
                    }
                }
            }
        })).ToArray();
        Task.WaitAll(workers);
        var elapsed = stop.Elapsed.TotalSeconds;
        var cpu = CpuSeconds(pid) - cpuBefore;
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - clientBefore;
        if (!print)
        {
            return;
        }

        latencies.Sort();
        double P(double q) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)(q * latencies.Count))];
        var mbps = latencies.Count * (body.Length / 1024.0 / 1024.0) / elapsed;
        Console.WriteLine(
            $"{label,-14}: {latencies.Count / elapsed,6:0.0} applications/s ({latencies.Count} in {elapsed:0.0} s, {mbps:0} MB/s uploaded), " +
            $"p50 {P(0.5):0} ms, p99 {P(0.99):0} ms, failures {failures}; server RSS max {Interlocked.Read(ref maxRss) / 1024} MB");
        // The server's own CPU time per application: what an idle machine's cores would each sustain, whatever the
        // other processes on a shared machine take (the wall-clock figure above is what this machine gave now).
        // The client (this process) shares the cores, so its CPU time counts against the same budget.
        var perApp = latencies.Count == 0 ? 0 : cpu * 1000 / latencies.Count;
        var clientPerApp = latencies.Count == 0 ? 0 : clientCpu * 1000 / latencies.Count;
        var total = perApp + clientPerApp;
        Console.WriteLine(
            $"{string.Empty,-14}  CPU per application: server {perApp:0.0} ms + client {clientPerApp:0.0} ms = {total:0.0} ms; " +
            $"on {Environment.ProcessorCount} idle cores: {(total == 0 ? 0 : Environment.ProcessorCount * 1000 / total):0} applications/s with this client, " +
            $"{(perApp == 0 ? 0 : Environment.ProcessorCount * 1000 / perApp):0} with the server alone (CPU-bound estimates)");
    }

    private static async Task<bool> Submit(HttpClient client, byte[] body, string agency, int n)
    {
        try
        {
            using var apply = await client.PostAsJsonAsync("/api/applications", new
            {
                agency,
                category = "NaturalPerson",
                name = "压测" + n.ToString(CultureInfo.InvariantCulture),
                idProof = "110101199001011237",
                contact = "13800000000",
                request = "压力测试申请第 " + n.ToString(CultureInfo.InvariantCulture) + " 件：道路维修项目清单",
                deliveryForm = "电子文档",
                deliveryChannel = "电子邮件",
                channel = "Online",
            });
            if (apply.StatusCode != HttpStatusCode.Created)
            {
                return false;
            }

            using var receipt = JsonDocument.Parse(await apply.Content.ReadAsStreamAsync());
            var number = receipt.RootElement.GetProperty("trackingNumber").GetString();
            var code = receipt.RootElement.GetProperty("accessCode").GetString();
            if (body.Length == 0)
            {
                // --size-mb 0: the submission alone (what the JSON POST costs without the upload).
                return true;
            }

            using var form = new MultipartFormDataContent();
            var file = new PdfContent(body, n);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "proof.pdf");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{number}/attachments") { Content = form };
            request.Headers.Add("X-Access-Code", code);
            using var upload = await client.SendAsync(request);
            return upload.StatusCode == HttpStatusCode.Created;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>A PDF-looking body written from one shared buffer, its first line numbered so each upload hashes differently.</summary>
    private sealed class PdfContent(byte[] body, int n) : HttpContent
    {
        private readonly byte[] _head = System.Text.Encoding.ASCII.GetBytes($"%PDF-1.7\n%{n}\n");
        private static readonly byte[] Tail = "\n%%EOF\n"u8.ToArray();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_head);
            await stream.WriteAsync(body);
            await stream.WriteAsync(Tail);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _head.Length + body.Length + Tail.Length;
            return true;
        }
    }

    /// <summary>VmRSS and VmHWM of a process, in kB (0 when not on Linux or no such process).</summary>
    private static (long Rss, long Peak) Memory(int pid)
    {
        try
        {
            var lines = File.ReadAllLines($"/proc/{pid}/status");
            long Field(string name) => long.Parse(lines.First(l => l.StartsWith(name, StringComparison.Ordinal))[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            return (Field("VmRSS:"), Field("VmHWM:"));
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }

    /// <summary>utime + stime of a process (fields 14 and 15 of /proc/PID/stat, in clock ticks of 1/100 s).</summary>
    private static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}

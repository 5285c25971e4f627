using System.Diagnostics;

namespace Gongkai.Testing;

/// <summary>External programs some tests need; absent ones make those tests skip with a reason.</summary>
public static class Tools
{
    private static readonly Dictionary<string, bool> Found = [];

    public static bool Exists(string program)
    {
        lock (Found)
        {
            if (!Found.TryGetValue(program, out var found))
            {
                found = Environment.GetEnvironmentVariable("PATH")!.Split(Path.PathSeparator)
                    .Any(dir => File.Exists(Path.Combine(dir, program)));
                Found[program] = found;
            }

            return found;
        }
    }

    /// <summary>Why a test needing <paramref name="programs"/> is skipped, or null when they are all installed.</summary>
    public static string? MissingReason(string install, IEnumerable<string> programs)
    {
        var missing = programs.Where(p => !Exists(p)).ToArray();
        return missing.Length == 0 ? null : $"{string.Join(", ", missing)} not installed ({install})";
    }

    /// <summary>Runs a program to completion; throws with its output when it fails (a broken fixture, not a test result).</summary>
    public static void Run(string program, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(180_000) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {error} {output.Result}");
        }
    }
}

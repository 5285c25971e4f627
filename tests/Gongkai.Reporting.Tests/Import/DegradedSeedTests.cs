using Gongkai.Reporting.Parsing;
using Gongkai.Testing;
using Xunit.Abstractions;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Each of the five seeds in every degraded shape (one line, run together, CR, blank cells dropped,
/// crawler wrapper, cells one per line, pdftotext reading order) imports to the same cells as the seed
/// itself, except where the sums cannot decide — and there a diagnostic says so.
/// </summary>
public sealed class DegradedSeedTests(ITestOutputHelper output)
{
    private static readonly string[] SeedFiles =
        Directory.GetFiles(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "seeds"), "*.txt").Order(StringComparer.Ordinal).ToArray();

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var seed in SeedFiles)
        {
            foreach (var shape in Degrade.Shapes.Keys)
            {
                data.Add(Path.GetFileName(seed)[..3], shape);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Import_DegradedSeed_SameCellsOrFlagged(string seed, string shape)
    {
        var file = SeedFiles.Single(f => Path.GetFileName(f).StartsWith(seed, StringComparison.Ordinal));
        var original = ReportFileReader.ReadFile(file).Report!;
        var text = File.ReadAllText(file);

        var outcome = DegradedImport.Compare(original, Degrade.Shapes[shape](text), blankIsZero: shape == "zero-cells-dropped");

        output.WriteLine($"{seed} {shape}: {outcome.Exact}/{outcome.Cells} exact ({outcome.ExactButFlagged} of them in rows flagged uncertain), {outcome.Excused.Count} wrong but flagged, {outcome.Unexcused.Count} wrong and not flagged");
        foreach (var line in outcome.Excused.Take(10))
        {
            output.WriteLine("  flagged: " + line);
        }

        Assert.True(outcome.Unexcused.Count == 0, string.Join("\n", outcome.Unexcused.Take(30)) + "\n--\n" + string.Join("\n", outcome.Result.Diagnostics.Take(30)));
    }
}

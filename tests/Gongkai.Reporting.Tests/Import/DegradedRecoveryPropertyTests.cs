using System.Globalization;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Rendering;
using Gongkai.Testing;
using Xunit.Abstractions;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Random consistent reports → rendered as text → degraded in each shape → imported: the share of
/// reports recovered exactly (every cell, agency, year) per shape, printed and held above a floor; and in
/// every shape, no cell may differ without a diagnostic that says its reading was uncertain.
/// The reports come from the seeded generator (RandomReports), so a failure names a seed to replay.
/// </summary>
public sealed class DegradedRecoveryPropertyTests(ITestOutputHelper output)
{
    private const int ReportsPerShape = 60;

    /// <summary>
    /// Shape → the least share of reports that must come back exact, and of cells. Where the shape loses
    /// what the sums cannot restore (table 二 has no sum rule; a dropped blank has no position), the floor is
    /// on cells, and every cell that differs must carry a diagnostic (asserted below for every shape).
    /// </summary>
    private static readonly Dictionary<string, (double Reports, double Cells)> Floors = new()
    {
        ["one-line"] = (0.95, 0.999),
        ["run-together"] = (0.15, 0.95),
        ["bare-cr"] = (1.0, 1.0),
        ["mixed-breaks"] = (1.0, 1.0),
        ["blank-cells-dropped"] = (0.25, 0.98),
        ["zero-cells-dropped"] = (0.0, 0.90),
        ["crawler-wrapper"] = (1.0, 1.0),
        ["cells-one-per-line"] = (0.95, 0.999),
        ["pdf-reading-order"] = (0.95, 0.999),
    };

    public static TheoryData<string> ShapeNames() => [.. Floors.Keys];

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void Import_RandomReportsDegraded_ExactOrFlagged(string shape)
    {
        var exact = 0;
        var unexcused = new List<string>();
        long cells = 0, cellsExact = 0, flagged = 0, rightButFlagged = 0;
        for (var seed = 0; seed < ReportsPerShape; seed++)
        {
            var edition = seed % 3 == 0 ? ReportEdition.Edition2019 : ReportEdition.Edition2021;
            var source = RandomReports.Create(1000 + seed, edition, blankShare: shape == "blank-cells-dropped" ? 0.3 : 0);
            var text = ReportRenderer.RenderToString(source, RenderFormat.Text);
            var degraded = Degrade.Shapes[shape](text);

            var outcome = DegradedImport.Compare(source, degraded, blankIsZero: shape == "zero-cells-dropped");

            cells += outcome.Cells;
            cellsExact += outcome.Exact;
            flagged += outcome.Excused.Count;
            rightButFlagged += outcome.ExactButFlagged;
            if (outcome.Exact == outcome.Cells)
            {
                exact++;
            }

            unexcused.AddRange(outcome.Unexcused.Select(u => $"seed {1000 + seed}: {u}"));
        }

        var rate = (double)exact / ReportsPerShape;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{shape}: {exact}/{ReportsPerShape} reports exact ({rate:P1}); cells exact {cellsExact}/{cells} ({(double)cellsExact / cells:P2}; {rightButFlagged} of them in rows flagged uncertain), wrong but flagged {flagged}, wrong and not flagged {unexcused.Count}"));
        foreach (var line in unexcused.Take(10))
        {
            output.WriteLine("  " + line);
        }

        Assert.True(rate >= Floors[shape].Reports, $"{shape}: {rate:P1} of reports exact, floor {Floors[shape].Reports:P0}");
        Assert.True((double)cellsExact / cells >= Floors[shape].Cells, $"{shape}: {(double)cellsExact / cells:P2} of cells exact, floor {Floors[shape].Cells:P1}");
        Assert.True(unexcused.Count == 0, string.Join("\n", unexcused.Take(20)));
    }
}

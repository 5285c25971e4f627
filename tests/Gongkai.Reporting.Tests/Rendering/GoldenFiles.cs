using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Rendering;

/// <summary>
/// Golden files live in tests/Gongkai.Reporting.Tests/Golden. A missing or different file fails the
/// test; set GONGKAI_UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff.
/// </summary>
internal static class GoldenFiles
{
    public static void AssertMatches(string name, string actual) =>
        AssertMatchesAt(RepoPaths.Tests("Gongkai.Reporting.Tests", "Golden", name), actual);

    public static void AssertMatchesAt(string path, string actual)
    {
        if (Environment.GetEnvironmentVariable("GONGKAI_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing (GONGKAI_UPDATE_GOLDEN=1 creates it).");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual.ReplaceLineEndings("\n"));
    }
}

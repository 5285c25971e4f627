using System.Text.RegularExpressions;

namespace Gongkai.Web.Tests;

/// <summary>A queue longer than the listing limit says how many cases there are and that the list is cut.</summary>
public sealed partial class QueueLimitTests : IDisposable
{
    private readonly GongkaiFactory _factory = new() { QueueMaxRows = 5 };

    [Fact]
    public async Task MoreCasesThanTheLimit_TotalShown_ListCut_Said()
    {
        using var clerk = await StaffSession.SignIn(_factory, "clerk");

        var page = await clerk.Client.GetStringAsync("/staff?state=Closed");

        var total = int.Parse(CountRegex().Match(page).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total > 5, $"the demo data should have more than 5 closed cases, has {total}");
        Assert.Equal(5, RowRegex().Matches(page).Count);
        Assert.Contains("id=\"truncated\"", page, StringComparison.Ordinal);

        var few = await clerk.Client.GetStringAsync("/staff?state=Closed&year=2000");
        Assert.Contains("id=\"count\">0<", few, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"truncated\"", few, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();

    [GeneratedRegex("id=\"count\">(\\d+)<")]
    private static partial Regex CountRegex();

    [GeneratedRegex("<a href=\"/staff/cases/[0-9a-f-]{36}\">")]
    private static partial Regex RowRegex();
}

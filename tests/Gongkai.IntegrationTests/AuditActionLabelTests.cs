using System.Text.RegularExpressions;
using Gongkai.Domain.Registry;
using Gongkai.Testing;
using Gongkai.UseCases.Applications;
using Gongkai.UseCases.Audit;
using Gongkai.UseCases.Notices;

namespace Gongkai.IntegrationTests;

/// <summary>
/// Every action the code records is shown in words on /staff/audit and a catalogue item's trail: the registry's codes
/// (registry.create, registry.Approve…), agency.guide and the attachments' were shown raw.
/// </summary>
public sealed partial class AuditActionLabelTests
{
    [Fact]
    public void EveryActionRecordedInTheSource_HasALabel()
    {
        var codes = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => RecordedRegex().Matches(File.ReadAllText(f)).SelectMany(m => m.Groups["code"].Captures.Select(c => c.Value)))
            .Concat(Enum.GetValues<ReviewAction>().Select(a => "registry." + a))
            .Concat(Enum.GetValues<CaseAction>().Select(AuditActions.Case))
            .Concat(Enum.GetValues<NoticeKind>().Select(AuditActions.Notice))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        // The scan finds the literals (a refactoring that hides them would make this test vacuous).
        Assert.Contains("registry.create", codes);
        Assert.Contains("agency.guide", codes);
        Assert.Contains("attachments.purge", codes);
        Assert.Contains("user.disable", codes);
        Assert.Contains("user.enable", codes);
        var raw = codes.Where(c => Regex.IsMatch(AuditActions.Label(c), "^[A-Za-z_.]+$")).ToList();
        Assert.Empty(raw);
    }

    [Theory]
    [InlineData("registry.create", "起草目录信息")]
    [InlineData("registry.Approve", "目录信息批准发布")]
    [InlineData("agency.guide", "修改公开指南和网站设置")]
    [InlineData("something.new", "something.new")]
    public void Label_WordsOrTheCodeItself(string code, string expected)
    {
        Assert.Equal(expected, AuditActions.Label(code));
    }

    /// <summary>A string literal naming an action: the third argument of RecordAsync/Record/Entry, or the action handed to a helper that records it.</summary>
    [GeneratedRegex("""(?:(?:RecordAsync|Record|Entry)\([^;]*?,[^;]*?,\s*|(?:DoneAsync|ChangeAsync)\((?:[^;]*?,\s*)?(?:[a-z]+\s*\?\s*)?)"(?<code>[a-z_]+\.[a-z_]+)"(?:\s*:\s*"(?<code>[a-z_]+\.[a-z_]+)")?""")]
    private static partial Regex RecordedRegex();
}

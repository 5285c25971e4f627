using System.Reflection;

namespace Gongkai.UseCases.Registry;

/// <summary>The 主题分类 taxonomy (<c>第一级\第二级</c>), compiled in from <c>topics.txt</c> so it stays data.</summary>
public static class Topics
{
    private static readonly Lazy<IReadOnlyList<string>> Loaded = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Gongkai.UseCases.Registry.topics.txt")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
    });

    public static IReadOnlyList<string> All => Loaded.Value;
}

using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Testing;
using Gongkai.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace Gongkai.Web.Tests;

/// <summary>The shipped appsettings.json names every setting the README names, each at the value the code defaults to.</summary>
public sealed partial class ShippedSettingsTests
{
    private static string Shipped => Path.Combine(RepoPaths.Root, "src", "Gongkai.Web", "appsettings.json");

    [Fact]
    public void EverySettingTheReadmeNames_IsInTheShippedFile()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        using var json = JsonDocument.Parse(File.ReadAllText(Shipped));
        var shipped = json.RootElement.GetProperty("Gongkai").EnumerateObject().Select(p => p.Name).ToHashSet();

        var named = SettingRegex().Matches(readme).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(named);
        Assert.All(named, n => Assert.Contains(n, shipped));
    }

    [Fact]
    public void ShippedFile_BindsToTheCodeDefaults()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Shipped).Build();

        var bound = configuration.GetSection("Gongkai").Get<GongkaiOptions>()!;
        var defaults = new GongkaiOptions();

        foreach (var property in typeof(GongkaiOptions).GetProperties())
        {
            var (value, expected) = (property.GetValue(bound), property.GetValue(defaults));
            Assert.True(Equals(value, expected) || (value is "" && expected is null) || (value is null && expected is ""), $"{property.Name}: {value} ≠ {expected}");
        }

        Assert.Equal("Warning", configuration["Logging:LogLevel:Microsoft.AspNetCore"]);
    }

    [GeneratedRegex("`Gongkai:([A-Za-z]+)`")]
    private static partial Regex SettingRegex();
}

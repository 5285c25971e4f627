namespace Gongkai.Testing;

/// <summary>A theory that is skipped, with the reason shown, when a program it needs is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresToolsTheoryAttribute : Xunit.TheoryAttribute
{
    public RequiresToolsTheoryAttribute(string install, params string[] programs)
    {
        var missing = programs.Where(p => !Tools.Exists(p)).ToArray();
        if (missing.Length > 0)
        {
            Skip = $"{string.Join(", ", missing)} not installed ({install})";
        }
    }
}

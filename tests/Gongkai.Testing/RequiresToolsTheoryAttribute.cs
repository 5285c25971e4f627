namespace Gongkai.Testing;

/// <summary>A theory that is skipped, with the reason shown, when a program it needs is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresToolsTheoryAttribute : Xunit.TheoryAttribute
{
    public RequiresToolsTheoryAttribute(string install, params string[] programs)
    {
        Skip = Tools.MissingReason(install, programs);
    }
}

namespace Gongkai.Testing;

/// <summary>A fact that is skipped, with the reason shown, when a program it needs is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresToolsFactAttribute : Xunit.FactAttribute
{
    public RequiresToolsFactAttribute(string install, params string[] programs)
    {
        Skip = Tools.MissingReason(install, programs);
    }
}

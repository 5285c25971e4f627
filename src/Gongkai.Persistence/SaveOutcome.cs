namespace Gongkai.Persistence;

/// <summary>What saving an application did.</summary>
public enum SaveOutcome
{
    Saved,

    /// <summary>Someone else saved the case since it was loaded: nothing was written; reload and redo.</summary>
    Conflict,

    NotFound,
}

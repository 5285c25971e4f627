namespace Gongkai.Reporting.Import;

/// <summary>The outcome of importing one file.</summary>
public enum ImportStatus
{
    Clean,
    Errors,
    Unreadable,
}

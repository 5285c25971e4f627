namespace Gongkai.UseCases.Supervision;

/// <summary>What became of one collected file.</summary>
public enum CollectStatus
{
    /// <summary>已归档 under an agency that was already there.</summary>
    Filed,

    /// <summary>已归档 under a new agency (kind 其他) created for it.</summary>
    NewAgency,

    /// <summary>无法读取.</summary>
    Unreadable,

    /// <summary>The report's year is not the year asked for.</summary>
    WrongYear,

    /// <summary>Neither the report nor the officer gives a year.</summary>
    NoYear,

    /// <summary>The report names no agency (or the new agency could not be made).</summary>
    NoAgency,

    /// <summary>The same file was already collected for that agency and year.</summary>
    Duplicate,
}

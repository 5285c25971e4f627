namespace Gongkai.Domain.Deadlines;

/// <summary>How a day was treated when counting working days.</summary>
public enum DayTreatment
{
    /// <summary>An ordinary working day, counted.</summary>
    Counted,

    /// <summary>A weekend day that is a make-up working day (调休上班), counted.</summary>
    CountedMakeUpDay,

    /// <summary>Saturday or Sunday, not counted.</summary>
    Weekend,

    /// <summary>An official holiday on a weekday, not counted.</summary>
    Holiday,

    /// <summary>A working day inside a pause (consultation, fee), not counted.</summary>
    Paused,
}

namespace Gongkai.Domain.Deadlines;

/// <summary>
/// A stretch of days not counted in a period: consulting a third party or another agency
/// (条例第三十二条、第三十三条第三款、第三十四条), or waiting for a fee to be paid. Both ends inclusive.
/// </summary>
public sealed record Pause(DateOnly From, DateOnly To, string Reason)
{
    public bool Contains(DateOnly date) => date >= From && date <= To;
}

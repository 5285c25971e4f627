using System.Globalization;

namespace Gongkai.UseCases.Applications;

/// <summary>受理编号: agency code, receipt date and a six-digit serial, e.g. DEMO-20261122-483920.</summary>
public static class TrackingNumbers
{
    /// <summary>The serial's range: six digits, never starting with 0 (100000–999998, as numbers have always been issued).</summary>
    public const int MinSerial = 100000;

    public const int MaxSerialExclusive = 999999;

    public static string Format(string agency, DateOnly receivedOn, int serial) =>
        string.Create(CultureInfo.InvariantCulture, $"{agency}-{receivedOn:yyyyMMdd}-{serial}");

    /// <summary>A number with an unpredictable serial (numbers of the public portal cannot be enumerated).</summary>
    public static string New(string agency, DateOnly receivedOn) =>
        Format(agency, receivedOn, System.Security.Cryptography.RandomNumberGenerator.GetInt32(MinSerial, MaxSerialExclusive));
}

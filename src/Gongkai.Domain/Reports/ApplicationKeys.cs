namespace Gongkai.Domain.Reports;

/// <summary>Row keys of table 三 that rules refer to by name (ogi-rules §4.3).</summary>
public static class ApplicationKeys
{
    public const string NewReceived = "apps.new_received";
    public const string CarriedOver = "apps.carried_over";
    public const string OutcomePrefix = "apps.outcome.";
    public const string OutcomeTotal = "apps.outcome.total";
    public const string CarriedForward = "apps.carried_forward";
    public const string OutcomeOther2019 = "apps.outcome.other";
    public const string OutcomeOtherCorrectionOverdue = "apps.outcome.other.correction_overdue";
    public const string OutcomeOtherFeeUnpaid = "apps.outcome.other.fee_unpaid";
    public const string OutcomeOtherOther = "apps.outcome.other.other";
}

namespace Gongkai.Domain.Applications;

/// <summary>
/// The statutory periods (ogi-rules W-03) and the interpretations a deployment may set differently.
/// </summary>
public sealed record DeadlinePolicy
{
    public static DeadlinePolicy Default { get; } = new();

    /// <summary>条例第三十三条第二款: reply within 20 working days.</summary>
    public int ReplyDays { get; init; } = 20;

    /// <summary>条例第三十条: notify the applicant of corrections within 7 working days of receipt.</summary>
    public int CorrectionNoticeDays { get; init; } = 7;

    /// <summary>条例第三十三条第二款: extension at most 20 working days.</summary>
    public int MaxExtensionDays { get; init; } = 20;

    /// <summary>条例第三十二条、第三十四条: the consulted party answers within 15 working days.</summary>
    public int ConsultationDays { get; init; } = 15;

    /// <summary>F-08: pay within 20 working days from the day after receiving the fee notice.</summary>
    public int FeePaymentDays { get; init; } = 20;

    /// <summary>
    /// [U] ogi-rules §8: whether waiting for payment stops the reply clock. Default: it does (processing is
    /// suspended until payment, as provincial implementations read it).
    /// </summary>
    public bool FeeWaitPausesClock { get; init; } = true;
}

namespace Gongkai.Domain.Applications;

/// <summary>Where an application stands (ogi-rules §2.6).</summary>
public enum ApplicationState
{
    /// <summary>已受理，答复期限计算中.</summary>
    InProgress,

    /// <summary>待补正 — the clock is stopped until the corrected application arrives (条例第三十条).</summary>
    AwaitingCorrection,

    /// <summary>征求意见中 — consulting a third party or another agency; the time is not counted (条例第三十三条第三款).</summary>
    Consulting,

    /// <summary>待缴费 — a fee notice was issued; payment due in 20 working days.</summary>
    AwaitingPayment,

    /// <summary>已办结 — one final outcome recorded.</summary>
    Closed,

    /// <summary>待负责人审核 — a reply is drafted and waits for the office head's approval; the clock keeps running.</summary>
    AwaitingApproval,
}

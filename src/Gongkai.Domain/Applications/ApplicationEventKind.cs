namespace Gongkai.Domain.Applications;

/// <summary>The events of an application's history.</summary>
public enum ApplicationEventKind
{
    Received,
    CorrectionRequested,
    CorrectionReceived,
    Extended,
    LaterDeadlineSet,
    ConsultationStarted,
    ConsultationEnded,
    FeeNoticeIssued,
    FeePaid,
    Decided,
    DecisionSubmitted,
    DecisionReturned,
    DecisionApproved,
}

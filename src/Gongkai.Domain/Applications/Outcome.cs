namespace Gongkai.Domain.Applications;

/// <summary>
/// 办理结果 — the one final outcome of an application, exactly the outcome rows of table 三
/// (ogi-rules §2.4 mapping [I]; partial disclosure counts only as partial, I-06).
/// </summary>
public enum Outcome
{
    Granted,
    Partial,
    WithheldStateSecret,
    WithheldProhibitedByLaw,
    WithheldThreeSecuritiesOneStability,
    WithheldThirdPartyRights,
    WithheldInternalAffairs,
    WithheldProcessInfo,
    WithheldEnforcementFile,
    WithheldAdministrativeInquiry,
    UnavailableNotHeld,
    UnavailableNeedsCreation,
    UnavailableUnclearAfterCorrection,
    NotProcessedPetitionComplaint,
    NotProcessedDuplicate,
    NotProcessedPublication,
    NotProcessedMassRepeated,
    NotProcessedConfirmOrReissue,
    OtherCorrectionOverdue,
    OtherFeeUnpaid,
    OtherOther,
}

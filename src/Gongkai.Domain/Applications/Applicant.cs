namespace Gongkai.Domain.Applications;

/// <summary>
/// 申请人 (条例第二十九条第二款第一项): name, identity proof, contact. The identity number is shown masked
/// everywhere except to staff handling the case. The document type (null on cases registered before it was
/// recorded) and the e-mail address for notices are optional.
/// </summary>
public sealed record Applicant(ApplicantCategory Category, string Name, string IdProof, string Contact, IdentityDocumentType? IdType = null, string? Email = null)
{
    /// <summary>The identity proof with all but the first 3 and last 4 characters hidden.</summary>
    public string MaskedIdProof => IdProof.Length <= 7 ? new string('*', IdProof.Length) : IdProof[..3] + new string('*', IdProof.Length - 7) + IdProof[^4..];
}

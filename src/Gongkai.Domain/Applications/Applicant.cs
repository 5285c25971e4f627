namespace Gongkai.Domain.Applications;

/// <summary>
/// 申请人 (条例第二十九条第二款第一项): name, identity proof, contact. The identity number is shown masked
/// everywhere except to staff handling the case.
/// </summary>
public sealed record Applicant(ApplicantCategory Category, string Name, string IdProof, string Contact)
{
    /// <summary>The identity proof with all but the first 3 and last 4 characters hidden.</summary>
    public string MaskedIdProof => IdProof.Length <= 7 ? new string('*', IdProof.Length) : IdProof[..3] + new string('*', IdProof.Length - 7) + IdProof[^4..];
}

namespace Gongkai.Domain.Applications;

/// <summary>答复意见 — a reply the officer drafted and submitted to the office head, not yet issued.</summary>
/// <param name="Outcome">The proposed outcome (table 三 row).</param>
/// <param name="On">The day the officer submitted it.</param>
/// <param name="ReplyText">The reply the applicant will read once it is approved.</param>
/// <param name="ProposedBy">The officer's user name.</param>
public sealed record DecisionProposal(Outcome Outcome, DateOnly On, string ReplyText, string ProposedBy);

using ProfilePlatform.Domain.Identity;

namespace ProfilePlatform.Domain.Profile.Ingestion;

/// <summary>One problem of one record, for the batch's failed-record report (the wire code is ingestion's choice).</summary>
/// <param name="Problem">What is wrong.</param>
/// <param name="Outcome">What it cost.</param>
/// <param name="Source">Where in the record: an <c>identityMap</c> entry, a descriptor path, <c>_id</c>, or empty for
/// the whole record.</param>
/// <param name="Message">A sentence naming the field, the problem and the fix.</param>
/// <param name="IdentityProblem">For <see cref="ProfileRecordProblem.Identity"/>, the extractor's problem.</param>
public sealed record ProfileRecordError(
    ProfileRecordProblem Problem,
    ProfileErrorOutcome Outcome,
    string Source,
    string Message,
    IdentityRecordProblem? IdentityProblem = null)
{
    /// <summary>An identity problem as a record error.</summary>
    public static ProfileRecordError From(IdentityRecordError error) => new(
        ProfileRecordProblem.Identity,
        error.Outcome == IdentityErrorOutcome.RecordSkipped ? ProfileErrorOutcome.RecordSkipped : ProfileErrorOutcome.IdentityDropped,
        error.Source,
        error.Message,
        error.Problem);
}

namespace ProfilePlatform.Domain.Identity;

/// <summary>One identity problem of one record, with where it is and the fix, for the batch's error report.</summary>
/// <param name="Problem">What is wrong.</param>
/// <param name="Outcome">Whether the identity or the whole record is lost.</param>
/// <param name="Source">Where in the record: <c>identityMap/Email/0</c> or the descriptor's path (<c>/personalEmail/address</c>).</param>
/// <param name="Message">A sentence naming the field, the value's problem and the fix.</param>
public sealed record IdentityRecordError(IdentityRecordProblem Problem, IdentityErrorOutcome Outcome, string Source, string Message);

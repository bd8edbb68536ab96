using ProfilePlatform.Domain.Identity.Graph;

namespace ProfilePlatform.Domain.Profile.Ingestion;

/// <summary>What ingesting one record did.</summary>
/// <param name="Index">The record's position in the list given to <see cref="ProfileIngestion"/>.</param>
/// <param name="Link">The identity graph's outcome (<see cref="LinkOutcome.NotLinked"/> when fewer than two linkable
/// identities, the dataset is not identity-enabled, or the record was skipped).</param>
/// <param name="Written">What Profile stored for it.</param>
/// <param name="Errors">Every problem found, each with its outcome.</param>
public sealed record ProfileRecordOutcome(int Index, LinkOutcome Link, ProfileWrite Written, IReadOnlyList<ProfileRecordError> Errors)
{
    /// <summary>Whether an error made the record contribute nothing at all.</summary>
    public bool IsSkipped => Errors.Any(e => e.Outcome == ProfileErrorOutcome.RecordSkipped);
}

/// <summary>What Profile stored for a record.</summary>
public enum ProfileWrite
{
    /// <summary>Nothing: the dataset is not Profile-enabled, or the record could not be stored (see its errors).</summary>
    None,

    /// <summary>The fragment of (dataset, primary identity) was created or updated.</summary>
    Fragment,

    /// <summary>The experience event was appended (or replaced its earlier copy).</summary>
    Event,
}

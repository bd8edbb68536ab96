namespace ProfilePlatform.Domain.Profile.Ingestion;

/// <summary>Why a record, or part of it, did not reach Identity Service or Profile.</summary>
public enum ProfileRecordProblem
{
    /// <summary>An identity problem found by the extractor; <see cref="ProfileRecordError.IdentityProblem"/> says which.</summary>
    Identity,

    /// <summary>The record is not a JSON object.</summary>
    NotAnObject,

    /// <summary>A record of a Profile-enabled dataset without a primary identity: it cannot become a fragment or an
    /// event, which are stored against their primary identity (its identities are still linked).</summary>
    PrimaryIdentityMissing,

    /// <summary>An ExperienceEvent without a valid <c>_id</c> or <c>timestamp</c>.</summary>
    EventInvalid,
}

/// <summary>What a <see cref="ProfileRecordError"/> cost.</summary>
public enum ProfileErrorOutcome
{
    /// <summary>One identity was dropped; the record went on without it.</summary>
    IdentityDropped,

    /// <summary>The record's identities were linked but it is not in Profile (no fragment, no event).</summary>
    NotInProfile,

    /// <summary>Nothing of the record was stored: no links, no Profile data.</summary>
    RecordSkipped,
}

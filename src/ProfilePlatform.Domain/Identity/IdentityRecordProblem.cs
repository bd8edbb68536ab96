namespace ProfilePlatform.Domain.Identity;

/// <summary>Why an identity of a record could not be used. Ingestion turns these into the batch's failed-record
/// report; <see cref="IdentityRecordError.Outcome"/> says whether the identity or the whole record is lost.</summary>
public enum IdentityRecordProblem
{
    /// <summary>An <c>identityMap</c> key that is blank: the identity has no namespace.</summary>
    NamespaceMissing,

    /// <summary>A namespace code (or descriptor namespace id) the organization's catalogue does not know.</summary>
    NamespaceUnknown,

    /// <summary>An <c>identityMap</c> entry without <c>id</c>, or an entry that is not an object.</summary>
    ValueMissing,

    /// <summary>An identity value that is not a string (only string fields can be identities).</summary>
    ValueNotString,

    /// <summary>A blank value or one of "null", "anonymous", "invalid": AEP blocks the identity.</summary>
    ValueBlocked,

    /// <summary>An ECID that is not exactly 38 digits: AEP skips the record.</summary>
    EcidFormat,

    /// <summary>A non-ECID value over 1024 characters: AEP skips the record.</summary>
    ValueTooLong,

    /// <summary>More than 20 distinct identities in the record.</summary>
    TooManyIdentities,
}

namespace ProfilePlatform.Domain.Identity;

/// <summary>What <see cref="IdentityExtractor"/> found in one record.</summary>
/// <param name="Identities">The record's valid identities, each once, in the order found (descriptor fields first,
/// then <c>identityMap</c>); empty when the record is skipped.</param>
/// <param name="Primary">The record's primary identity, or null (none declared and no ECID to fall back on, or the
/// record is skipped).</param>
/// <param name="Errors">Every problem found, each with its outcome.</param>
public sealed record IdentityExtraction(
    IReadOnlyList<ExtractedIdentity> Identities,
    ExtractedIdentity? Primary,
    IReadOnlyList<IdentityRecordError> Errors)
{
    /// <summary>Whether a guardrail skips the whole record (no links, no Profile data).</summary>
    public bool IsRecordSkipped => Errors.Any(e => e.Outcome == IdentityErrorOutcome.RecordSkipped);

    /// <summary>The identities Identity Service links (all but non-people identifiers); a record needs two of them
    /// to create links ("Identity Service only stores events with at least two identities").</summary>
    public IReadOnlyList<GraphIdentity> LinkableIdentities
    {
        get
        {
            var linkable = new List<GraphIdentity>(Identities.Count);
            foreach (var identity in Identities)
            {
                if (IdentityTypes.IsLinkable(identity.Namespace.IdType))
                {
                    linkable.Add(identity.ForGraph);
                }
            }

            return linkable;
        }
    }
}

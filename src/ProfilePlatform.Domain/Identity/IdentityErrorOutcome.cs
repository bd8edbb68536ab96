namespace ProfilePlatform.Domain.Identity;

/// <summary>What a guardrail violation costs, as help/identity-service/guardrails.md words it.</summary>
public enum IdentityErrorOutcome
{
    /// <summary>"The identity will be blocked from ingestion": the record goes on without that identity.</summary>
    IdentityDropped,

    /// <summary>"The record is skipped": no links and no Profile fragment come from the record.</summary>
    RecordSkipped,
}

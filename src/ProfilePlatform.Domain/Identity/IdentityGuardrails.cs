namespace ProfilePlatform.Domain.Identity;

/// <summary>Identity Service's documented limits and identity value rules (help/identity-service/guardrails.md).</summary>
public static class IdentityGuardrails
{
    /// <summary>"Number of identities in an XDM record: 20".</summary>
    public const int MaxIdentitiesPerRecord = 20;

    /// <summary>"Number of identities in a graph: 50" — a full graph drops its oldest identity to take a new one.</summary>
    public const int MaxIdentitiesPerGraph = 50;

    /// <summary>"The identity value cannot exceed 1024 characters" (non-ECID namespaces).</summary>
    public const int MaxValueLength = 1024;

    /// <summary>"The identity value of an ECID must be exactly 38 characters" and "consist of numbers only".</summary>
    public const int EcidLength = 38;

    /// <summary>The namespace code of Experience Cloud IDs.</summary>
    public const string EcidNamespace = "ECID";

    /// <summary>"Identity values cannot be 'null', 'anonymous', 'invalid', or be an empty string" — such an identity
    /// "will be blocked from ingestion". Compared case-insensitively after trimming [unverified: the doc lists the
    /// lower-case words only].</summary>
    public static IReadOnlySet<string> BlockedValues { get; } =
        new HashSet<string>(["null", "anonymous", "invalid"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="namespaceCode"/> is the ECID namespace.</summary>
    public static bool IsEcid(string namespaceCode) =>
        string.Equals(namespaceCode, EcidNamespace, StringComparison.OrdinalIgnoreCase);

    /// <summary>What is wrong with <paramref name="value"/> as an identity of <paramref name="namespaceCode"/>, or null.</summary>
    /// <remarks>The doc's table gives ECID only the format rule (a blank ECID fails it and skips the record); the
    /// blocked-value and length rules are the "Non-ECID" row. Length counts UTF-16 code units.</remarks>
    public static IdentityRecordProblem? CheckValue(string namespaceCode, string value)
    {
        if (IsEcid(namespaceCode))
        {
            return value.Length == EcidLength && value.All(char.IsAsciiDigit) ? null : IdentityRecordProblem.EcidFormat;
        }

        if (string.IsNullOrWhiteSpace(value) || BlockedValues.Contains(value.Trim()))
        {
            return IdentityRecordProblem.ValueBlocked;
        }

        return value.Length > MaxValueLength ? IdentityRecordProblem.ValueTooLong : null;
    }
}

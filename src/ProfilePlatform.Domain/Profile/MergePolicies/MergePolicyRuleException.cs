namespace ProfilePlatform.Domain.Profile.MergePolicies;

/// <summary>A merge policy request that breaks one of the documented rules; the message names the field and the fix.</summary>
public sealed class MergePolicyRuleException(MergePolicyRule rule, string message) : Exception(message)
{
    public MergePolicyRule Rule { get; } = rule;
}

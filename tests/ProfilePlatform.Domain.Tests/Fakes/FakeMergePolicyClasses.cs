using ProfilePlatform.Domain.Profile.MergePolicies;

namespace ProfilePlatform.Domain.Tests.Fakes;

/// <summary>Record classes by name, for merge policy tests.</summary>
public sealed class FakeMergePolicyClasses : IMergePolicyClasses
{
    public HashSet<string> RecordClasses { get; } = [MergePolicy.ProfileClass];

    public Task<bool> IsRecordClassAsync(string schemaName, CancellationToken ct) => Task.FromResult(RecordClasses.Contains(schemaName));
}

namespace ProfilePlatform.Domain.Identity.Graph;

/// <summary>What a mutation function hands back to <see cref="IIdentityGraphStore.MutateAsync{T}"/>: the changes to
/// write and the caller's result.</summary>
public sealed record IdentityGraphMutation<T>(IdentityGraphChanges Changes, T Result);

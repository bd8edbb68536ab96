namespace ProfilePlatform.Domain.Profile.Entities;

/// <summary>What shapes an entities answer, whether asked by GET or POST.</summary>
/// <param name="Fields">The <c>fields</c> paths kept in each <c>entity</c>; null for all fields.</param>
/// <param name="MergePolicyId">The merge policy named by the request; null for the class's default.</param>
/// <param name="StartTime">Events from this time (included).</param>
/// <param name="EndTime">Events before this time (excluded).</param>
/// <param name="Limit">Events per page.</param>
/// <param name="Descending">Newest events first (<c>orderby=-timestamp</c>).</param>
/// <param name="WithComputedAttributes"><c>withCA</c>: accepted; no computed attributes exist here yet, so it adds
/// nothing [documented as an optional feature flag, default false].</param>
public sealed record EntityOptions(
    IReadOnlyList<string>? Fields = null,
    string? MergePolicyId = null,
    DateTimeOffset? StartTime = null,
    DateTimeOffset? EndTime = null,
    int Limit = EntityParameters.MaxLimit,
    bool Descending = false,
    bool WithComputedAttributes = false)
{
    /// <summary><c>_page.orderby</c> as the docs write it: <c>timestamp</c> (ascending) or <c>-timestamp</c>.</summary>
    public string OrderBy => Descending ? "-timestamp" : "timestamp";
}

using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Identity.Graph;

namespace ProfilePlatform.Domain.Tests.Identity;

/// <summary>Shorthands for graph tests: identities of each type, sources at a given minute, sequential graph ids.</summary>
internal static class GraphTestData
{
    public static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static GraphIdentity Email(string v) => new(new CompositeIdentity("Email", v), IdentityTypes.Email);

    public static GraphIdentity Crm(string v) => new(new CompositeIdentity("CRMID", v), IdentityTypes.CrossDevice);

    public static GraphIdentity Ecid(string v) => new(new CompositeIdentity("ECID", v), IdentityTypes.Cookie);

    public static GraphIdentity Idfa(string v) => new(new CompositeIdentity("IDFA", v), IdentityTypes.Device);

    public static GraphIdentity Partner(string v) => new(new CompositeIdentity("PartnerX", v), IdentityTypes.Partner);

    public static GraphIdentity Sku(string v) => new(new CompositeIdentity("SKU", v), IdentityTypes.NonPeople);

    public static LinkSource At(int minute, string dataset = "ds1", string batch = "b1") => new(dataset, batch, T0.AddMinutes(minute));

    public static Func<string> Ids(string prefix = "g")
    {
        var next = 0;
        return () => $"{prefix}{Interlocked.Increment(ref next)}";
    }

    public static IdentityGraph Empty(int cap = IdentityGuardrails.MaxIdentitiesPerGraph, string prefix = "g") =>
        new(IdentityGraphState.Empty, Ids(prefix), cap);

    /// <summary>The partition of identities into graphs, as sorted strings, for comparison.</summary>
    public static IReadOnlyList<string> Partition(IEnumerable<IEnumerable<CompositeIdentity>> components) =>
        [.. components.Select(c => string.Join(" ", c.Select(i => i.ToString()).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> Partition(IEnumerable<IdentityVertex> vertices) =>
        Partition(vertices.GroupBy(v => v.GraphId, StringComparer.Ordinal).Select(g => g.Select(v => v.Identity)));
}

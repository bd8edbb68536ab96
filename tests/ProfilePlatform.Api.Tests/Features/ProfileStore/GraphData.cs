using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Identity.Graph;

namespace ProfilePlatform.Api.Tests.Features.ProfileStore;

/// <summary>Identities, sources and random records for identity graph store tests.</summary>
internal static class GraphData
{
    public static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static GraphIdentity Email(string v) => new(new CompositeIdentity("Email", v), IdentityTypes.Email);

    public static GraphIdentity Crm(string v) => new(new CompositeIdentity("CRMID", v), IdentityTypes.CrossDevice);

    public static GraphIdentity Ecid(string v) => new(new CompositeIdentity("ECID", v), IdentityTypes.Cookie);

    public static GraphIdentity Idfa(string v) => new(new CompositeIdentity("IDFA", v), IdentityTypes.Device);

    public static LinkSource At(int minute, string dataset = "ds1", string batch = "b1") => new(dataset, batch, T0.AddMinutes(minute));

    public static IdentityLinkRequest Record(int minute, params GraphIdentity[] identities) => new(identities, At(minute));

    public static Func<string> Ids(string prefix = "g")
    {
        var next = 0;
        return () => $"{prefix}{Interlocked.Increment(ref next):D6}";
    }

    /// <summary>1..maxSize identities from a small universe (records overlap and graphs merge), several datasets and
    /// batches so that links carry several sources.</summary>
    public static List<IdentityLinkRequest> RandomRecords(int seed, int count, int universe, int maxSize = 4)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(r =>
        {
            var size = random.Next(1, maxSize + 1);
            var identities = Enumerable.Range(0, size).Select(_ =>
            {
                var n = random.Next(universe);
                return (n % 4) switch
                {
                    0 => Ecid($"{n}"),
                    1 => Email($"{n}@x.y"),
                    2 => Crm($"{n}"),
                    _ => Idfa($"{n}"),
                };
            }).ToList();
            return new IdentityLinkRequest(identities, At(r, $"ds{random.Next(3)}", $"b{random.Next(2)}"));
        })];
    }

    /// <summary>The partition of identities into graphs, as sorted strings.</summary>
    public static List<string> Partition(IEnumerable<IdentityVertex> vertices) =>
        [.. vertices.GroupBy(v => v.GraphId, StringComparer.Ordinal)
            .Select(g => string.Join(" ", g.Select(v => v.Identity.ToString()).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)];

    /// <summary>Nodes without their graph ids, sorted: what must not depend on the order writers ran in.</summary>
    public static List<string> Nodes(IEnumerable<IdentityVertex> vertices) =>
        [.. vertices.Select(v => $"{v.Identity} {v.IdType} {v.LastUpdated:O}").Order(StringComparer.Ordinal)];

    /// <summary>Links with their timestamps and provenance, sorted.</summary>
    public static List<string> Links(IEnumerable<IdentityLink> links) =>
        [.. links.Select(l => $"{l.Key.First}|{l.Key.Second} {l.FirstEstablished:O} {l.LastEstablished:O} "
                + string.Join(",", l.Sources.Select(s => $"{s.DatasetId}/{s.BatchId}@{s.At:O}")))
            .Order(StringComparer.Ordinal)];
}

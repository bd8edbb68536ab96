using ProfilePlatform.Api.Tests.Features.ProfileStore;
using ProfilePlatform.Api.Tests.Infrastructure;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Identity.Graph;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Api.Tests.Features.Identity;

/// <summary>Seeds a sandbox's identity graph the way ingestion does: records linked through the platform's own
/// <see cref="IdentityGraphService"/>, resolved in a tenancy scope of the running app.</summary>
internal static class IdentityGraphSeed
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static GraphIdentity Email(string v) => new(new CompositeIdentity("Email", v), IdentityTypes.Email);

    public static GraphIdentity Ecid(string v) => new(new CompositeIdentity("ECID", v), IdentityTypes.Cookie);

    public static GraphIdentity Phone(string v) => new(new CompositeIdentity("Phone", v), IdentityTypes.Phone);

    public static GraphIdentity Crm(string v) => new(new CompositeIdentity("CRMID", v), IdentityTypes.CrossDevice);

    public static IdentityLinkRequest Record(int minute, string dataset, string batch, params GraphIdentity[] identities) =>
        new(identities, new LinkSource(dataset, batch, T0.AddMinutes(minute)));

    /// <summary>Links the records in order, one graph write each (so each gets its own cluster history time).</summary>
    public static async Task<IReadOnlyList<LinkOutcome>> LinkAsync(PlatformFixture fixture, TestClient client, string sandbox, params IdentityLinkRequest[] records)
    {
        var outcomes = new List<LinkOutcome>();
        foreach (var record in records)
        {
            outcomes.Add(await TenantScope.RunAsync(fixture, new TenantKey(client.ImsOrg, sandbox), s => s.Get<IdentityGraphService>().LinkAsync(record, CancellationToken.None)));
        }

        return outcomes;
    }

    /// <summary>Links many records in one graph write (a chunk of a batch).</summary>
    public static Task<IReadOnlyList<LinkOutcome>> LinkChunkAsync(PlatformFixture fixture, TestClient client, string sandbox, IReadOnlyList<IdentityLinkRequest> records) =>
        TenantScope.RunAsync(fixture, new TenantKey(client.ImsOrg, sandbox), s => s.Get<IdentityGraphService>().LinkAsync(records, CancellationToken.None));
}

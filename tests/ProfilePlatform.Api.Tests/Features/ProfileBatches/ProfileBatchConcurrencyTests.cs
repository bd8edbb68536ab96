using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProfilePlatform.Api.Tests.Features.BatchIngestion;
using ProfilePlatform.Api.Tests.Infrastructure;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Ingestion;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Api.Tests.Features.ProfileBatches;

/// <summary>Batches linking overlapping identities at the same time, on several nodes: each batch holds the identity graph's
/// advisory locks of its earlier segments until it commits, so two batches walking the same graphs in opposite orders
/// deadlock. The loser's attempt is rolled back and run again (not counted as a failed attempt); every batch succeeds and
/// the graph equals the one a sequential run builds.</summary>
public abstract class ProfileBatchConcurrencyTests
{
    private const int Batches = 6;
    private const int Groups = 8;
    private const int PerGroup = 5;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Ingestion:Worker:PollSeconds"] = "0.1",
        ["Ingestion:Worker:RetryDelaySeconds"] = "0.1",
        ["Ingestion:Worker:SegmentRecords"] = "10", // one group per segment: a batch holds locks of earlier groups while it links the next
    };

    private static TestClient A => TestClients.OrgA;

    protected abstract Task<PlatformFactory> FirstNodeAsync(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null);

    /// <summary>Nodes besides the first processing batches at the same time (PostgreSQL); SQLite is one process, one writer.</summary>
    protected abstract int ExtraNodes { get; }

    [Fact]
    public async Task ParallelBatchesLinkingOverlappingIdentities_AllSucceedFirstAttempt_GraphEqualsSequentialRun()
    {
        // Arrange: nodes sharing the store, a parallel sandbox and a reference sandbox with the same dataset
        var first = await GivenPlatform.StartAsync(await FirstNodeAsync(Settings));
        var nodes = new List<GivenPlatform> { first };
        for (var i = 0; i < ExtraNodes; i++)
        {
            nodes.Add(await GivenPlatform.StartAsync(first.Factory.SecondNode(Settings)));
        }

        try
        {
            var api = new ProfileDataApi(first);
            var (parallel, parallelDataset) = await NewProfileDataset(api);
            var (reference, referenceDataset) = await NewProfileDataset(api);
            var staged = new List<string>();
            for (var b = 0; b < Batches; b++)
            {
                var batch = await api.Ingestion.NewBatch(A, parallel, parallelDataset);
                await api.Ingestion.Upload(A, parallel, batch, parallelDataset, "links.json", Content(b));
                staged.Add(batch);
            }

            // Act: complete every batch at once; the nodes take them concurrently
            await Task.WhenAll(staged.Select(batch => api.Ingestion.Complete(A, parallel, batch)));
            var finals = await Task.WhenAll(staged.Select(batch => api.Ingestion.WaitForFinal(A, parallel, batch, seconds: 180)));
            for (var b = 0; b < Batches; b++)
            {
                var (_, final) = await api.Ingestion.IngestBatch(A, reference, referenceDataset, """{"format":"json"}""", "", ("links.json", Content(b)));
                Assert.Equal("success", final["status"]!.GetValue<string>());
            }

            // Assert
            Assert.All(finals, f => Assert.Equal("success", f["status"]!.GetValue<string>()));
            Assert.All(await Attempts(first.Factory, staged), a => Assert.Equal(1, a));
            foreach (var identity in Identities())
            {
                Assert.Equal(await Shape(api, reference, identity), await Shape(api, parallel, identity));
            }

            Assert.Equal(PerGroup * 2, (await api.Graph(A, parallel, Identities().First()))!.Members.Count);
            Assert.Equal(Groups * PerGroup, (await api.Fragments(A, parallel, [.. Identities().Where(i => i.Namespace == "Email")])).Count);
        }
        finally
        {
            foreach (var node in Enumerable.Reverse(nodes))
            {
                await node.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task AttemptEndingInADeadlock_RunsAgain_WithoutCountingAnAttempt()
    {
        // Arrange: a sink whose first two calls fail as a PostgreSQL deadlock victim would
        var node = await GivenPlatform.StartAsync(await FirstNodeAsync(Settings, s => s.AddSingleton<IIngestedRecordSink>(new DeadlockedTwice())));
        try
        {
            var api = new IngestionApi(node);
            var (sandbox, dataset) = await api.NewLoyaltyDataset(A);
            var content = IngestionApi.Utf8(string.Join("\n", Enumerable.Range(0, 25).Select(i => IngestionApi.Record(A.TenantId, "m" + i, i))) + "\n");

            // Act
            var (batch, final) = await api.IngestBatch(A, sandbox, dataset, """{"format":"json"}""", "", ("a.json", content));

            // Assert
            Assert.Equal("success", final["status"]!.GetValue<string>());
            Assert.Equal(25, final["metrics"]!["outputRecordCount"]!.GetValue<long>());
            Assert.Equal([1], await Attempts(node.Factory, [batch]));
            using var file = await api.Client.GetAsync($"{IngestionApi.Export}/files/{batch}-1?path=a.json", A, sandbox);
            Assert.Equal(25, (await file.Content.ReadAsStringAsync()).Count(c => c == '\n'));
        }
        finally
        {
            await node.DisposeAsync();
        }
    }

    /// <summary>Batch <paramref name="b"/>: for every group, ten records each linking one of its emails to one of its phones
    /// (shifted by the batch, so the batches together connect the whole group); groups in ascending order for even batches,
    /// descending for odd ones.</summary>
    private static byte[] Content(int b)
    {
        var groups = Enumerable.Range(0, Groups);
        var lines = (b % 2 == 0 ? groups : groups.Reverse()).SelectMany(g => Enumerable.Range(0, 10).Select(j =>
            $$$"""{"identityMap":{"Email":[{"id":"e{{{g}}}-{{{(j + b) % PerGroup}}}@acme.com","primary":true}],"Phone":[{"id":"+1555{{{g}}}{{{j % PerGroup}}}"}]},"_{{{A.TenantId}}}":{"points":{{{g}}}}}"""));
        return IngestionApi.Utf8(string.Join("\n", lines) + "\n");
    }

    private static IEnumerable<CompositeIdentity> Identities() =>
        Enumerable.Range(0, Groups).SelectMany(g => Enumerable.Range(0, PerGroup).SelectMany(i => new[]
        {
            new CompositeIdentity("Email", $"e{g}-{i}@acme.com"),
            new CompositeIdentity("Phone", $"+1555{g}{i}"),
        }));

    /// <summary>The graph of an identity without its ids and times: members and links.</summary>
    private static async Task<string> Shape(ProfileDataApi api, string sandbox, CompositeIdentity identity)
    {
        var graph = await api.Graph(A, sandbox, identity);
        return graph is null
            ? "none"
            : string.Join(",", graph.Members.Select(m => m.ToString()).Order(StringComparer.Ordinal)) + " | "
                + string.Join(",", graph.Links.Select(l => l.Key.ToString()).Order(StringComparer.Ordinal));
    }

    private static async Task<(string Sandbox, string Dataset)> NewProfileDataset(ProfileDataApi api)
    {
        var sandbox = await api.Ingestion.NewSandbox(A);
        return (sandbox, await api.NewDataset(A, sandbox, await api.NewIdentityMapProfileSchema(A, sandbox)));
    }

    private static async Task<List<int>> Attempts(PlatformFactory factory, IReadOnlyList<string> batches)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await db.IngestionJobs.Where(j => batches.Contains(j.BatchId)).Select(j => j.Attempts).ToListAsync();
    }

    private sealed class DeadlockedTwice : IIngestedRecordSink
    {
        private int _calls;

        public Task<IReadOnlyList<IngestedRecordError>> AcceptAsync(IngestedRecords records, CancellationToken ct) =>
            Interlocked.Increment(ref _calls) <= 2
                ? throw new PostgresException("deadlock detected", "ERROR", "ERROR", PostgresErrorCodes.DeadlockDetected)
                : Task.FromResult<IReadOnlyList<IngestedRecordError>>([]);
    }
}

public sealed class ProfileBatchConcurrencyTestsPostgres : ProfileBatchConcurrencyTests
{
    protected override int ExtraNodes => 2;

    protected override Task<PlatformFactory> FirstNodeAsync(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null) =>
        PlatformFactory.PostgresAsync("profileconc", settings, services);
}

public sealed class ProfileBatchConcurrencyTestsSqlite : ProfileBatchConcurrencyTests
{
    protected override int ExtraNodes => 0;

    protected override Task<PlatformFactory> FirstNodeAsync(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null) =>
        Task.FromResult(PlatformFactory.Sqlite(settings, services));
}

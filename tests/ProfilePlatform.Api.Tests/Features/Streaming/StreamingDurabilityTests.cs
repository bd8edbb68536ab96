using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProfilePlatform.Api.Tests.Infrastructure;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Ingestion;
using ProfilePlatform.Infrastructure.Persistence;
using ProfilePlatform.Infrastructure.Streaming;

namespace ProfilePlatform.Api.Tests.Features.Streaming;

/// <summary>A 2xx means the message is in the store: a node that stops after answering and before flushing loses nothing —
/// the next node turns the messages into a batch, and each record lands exactly once. On PostgreSQL two nodes flushing one
/// dataset at once never take the same message.</summary>
public abstract class StreamingDurabilityTests
{
    private const int Messages = 120;

    private static readonly Dictionary<string, string?> NoFlusher = new() { ["Streaming:FlusherEnabled"] = "false" };

    private static readonly Dictionary<string, string?> FastFlusher = new()
    {
        ["Streaming:FlusherEnabled"] = "true",
        ["Streaming:FlushIntervalMs"] = "50",
        ["Streaming:MaxMessagesPerBatch"] = "7",
    };

    protected abstract Task<PlatformFactory> FirstNodeAsync(IReadOnlyDictionary<string, string?> settings);

    protected abstract bool NodesRunTogether { get; }

    [Fact]
    public async Task StopAfter2xxBeforeFlush_RestartedNodeLandsEveryMessageExactlyOnce()
    {
        // Arrange: a node that accepts messages but never flushes them, as one stopped right after answering
        var node1 = await GivenPlatform.StartAsync(await FirstNodeAsync(NoFlusher));
        var api1 = new StreamingApi(node1);
        var target = await api1.NewTarget(TestClients.OrgA);
        var accepted = await Task.WhenAll(Enumerable.Range(0, Messages).Select(async i =>
        {
            using var response = await api1.Collect(target.Url + "?syncValidation=true", StreamingApi.Envelope(target, StreamingApi.Member("m" + i, i)));
            return response.StatusCode;
        }));
        Assert.All(accepted, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(Messages, await Pending(node1.Factory));
        Assert.Empty(await api1.Batches(target));

        // Act: the node goes away; one or two others (PostgreSQL: side by side) flush in small batches
        await node1.DisposeAsync();
        var node2 = await GivenPlatform.StartAsync(node1.Factory.SecondNode(FastFlusher));
        var node3 = NodesRunTogether ? await GivenPlatform.StartAsync(node1.Factory.SecondNode(FastFlusher)) : null;
        try
        {
            var api2 = new StreamingApi(node2);
            var records = await api2.WaitForRecords(target, Messages, seconds: 60);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (await Landed(node2.Factory, target) < Messages && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            // Assert: every message once, in batches of at most 7, all successful
            Assert.Equal(Messages, await Landed(node2.Factory, target));
            Assert.Equal(Messages, await DistinctLanded(node2.Factory, target));
            Assert.Equal(0, await Pending(node2.Factory));
            var batches = await api2.Batches(target);
            Assert.True(batches.Count >= Messages / 7, $"{batches.Count} batches");
            Assert.All(batches, b => Assert.InRange(b["metrics"]?["outputRecordCount"]?.GetValue<long>() ?? 0, 1, 7));
            Assert.Equal(Messages, batches.Sum(b => b["metrics"]!["outputRecordCount"]!.GetValue<long>()));
            Assert.NotEmpty(records);
        }
        finally
        {
            if (node3 is not null)
            {
                await node3.DisposeAsync();
            }

            await node2.DisposeAsync();
        }
    }

    [Fact]
    public async Task OwnMessages_LandWithoutAskingTheDatabase_WhileDiscoveryIsAnHourAway()
    {
        // Arrange: a node that asks the database for pending targets only at start and then once an hour
        var node = await GivenPlatform.StartAsync(await FirstNodeAsync(new Dictionary<string, string?>
        {
            ["Streaming:FlusherEnabled"] = "true",
            ["Streaming:FlushIntervalMs"] = "50",
            ["Streaming:DiscoveryIntervalMs"] = "3600000",
        }));
        try
        {
            var api = new StreamingApi(node);
            var target = await api.NewTarget(TestClients.OrgA);
            await Task.Delay(300); // the start-up discovery is over before anything is sent

            // Act: messages committed by this node, in two rounds
            foreach (var round in new[] { 0, 1 })
            {
                foreach (var i in Enumerable.Range(0, 3))
                {
                    using var response = await api.Collect(target.Url + "?syncValidation=true", StreamingApi.Envelope(target, StreamingApi.Member($"s{round}-{i}", i)));
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                }

                // Assert: each round lands within seconds, from the node's own record of what it committed
                var deadline = DateTime.UtcNow.AddSeconds(30);
                while (await Landed(node.Factory, target) < 3 * (round + 1) && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(50);
                }

                Assert.Equal(3 * (round + 1), await Landed(node.Factory, target));
            }

            Assert.Equal(0, await Pending(node.Factory));
        }
        finally
        {
            await node.DisposeAsync();
        }
    }

    [Fact]
    public async Task FlushAll_MessagesQueuedForSeveralTargets_EveryTargetFlushedInOnePass()
    {
        // Arrange: valid and invalid messages for two datasets of one organization and one of another, none flushed
        var node = await GivenPlatform.StartAsync(await FirstNodeAsync(NoFlusher));
        try
        {
            var api = new StreamingApi(node);
            var a1 = await api.NewTarget(TestClients.OrgA);
            var a2 = await api.NewTarget(TestClients.OrgA);
            var b1 = await api.NewTarget(TestClients.OrgB);
            var invalid = "{\"_" + StreamingApi.T + "\":{\"loyalty\":{\"id\":\"bad\",\"tier\":\"bronze\"}}}";
            foreach (var (target, entity) in new[]
            {
                (a1, StreamingApi.Member("a1-1")), (a1, StreamingApi.Member("a1-2")), (a1, invalid),
                (a2, StreamingApi.Member("a2-1")),
                (b1, BatchIngestion.IngestionApi.Record(TestClients.OrgB.TenantId, "b1-1", 3)), (b1, BatchIngestion.IngestionApi.Record(TestClients.OrgB.TenantId, "b1-2", 4)),
            })
            {
                using var response = await api.Collect(target.Url, StreamingApi.Envelope(target, entity));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            Assert.Equal(6, await Pending(node.Factory));

            // Act
            var flusher = node.Factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<StreamingFlusher>().Single();
            var moved = await flusher.FlushAllAsync(CancellationToken.None);

            // Assert: four targets (a1 valid, a1 invalid, a2, b1), every message moved into a batch of its own dataset
            Assert.Equal(6, moved);
            Assert.Equal(0, await Pending(node.Factory));
            Assert.Equal(2, (await api.Batches(a1)).Count);
            Assert.Single(await api.Batches(a2));
            Assert.Single(await api.Batches(b1));
        }
        finally
        {
            await node.DisposeAsync();
        }
    }

    private static async Task<int> Pending(PlatformFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM streaming_messages").SingleAsync();
    }

    private static Task<int> Landed(PlatformFactory factory, Target target) =>
        Count(factory, target, "SELECT CAST(COALESCE(SUM(record_count), 0) AS INTEGER) AS \"Value\" FROM dataset_record_chunks WHERE data_set_id = {0}");

    private static async Task<int> DistinctLanded(PlatformFactory factory, Target target)
    {
        using var scope = TenantScope(factory, target);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var chunks = await db.DatasetRecordChunks.Where(c => c.DataSetId == target.Dataset).Select(c => c.Records).ToListAsync();
        return chunks.SelectMany(DatasetRecordChunks.Lines).Distinct(StringComparer.Ordinal).Count();
    }

    private static async Task<int> Count(PlatformFactory factory, Target target, string sql)
    {
        using var scope = TenantScope(factory, target);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await db.Database.SqlQueryRaw<int>(sql, target.Dataset).SingleAsync();
    }

    /// <summary>A DI scope acting for the target's organization and sandbox, as a request for it would.</summary>
    private static IServiceScope TenantScope(PlatformFactory factory, Target target)
    {
        var scope = factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenancyContext>().Use(new TenantKey(target.Client.ImsOrg, target.Sandbox));
        return scope;
    }
}

public sealed class StreamingDurabilityPostgres : StreamingDurabilityTests
{
    protected override bool NodesRunTogether => true;

    protected override Task<PlatformFactory> FirstNodeAsync(IReadOnlyDictionary<string, string?> settings) =>
        PlatformFactory.PostgresAsync("streaming", settings);
}

public sealed class StreamingDurabilitySqlite : StreamingDurabilityTests
{
    protected override bool NodesRunTogether => false;

    protected override Task<PlatformFactory> FirstNodeAsync(IReadOnlyDictionary<string, string?> settings) =>
        Task.FromResult(PlatformFactory.Sqlite(settings));
}

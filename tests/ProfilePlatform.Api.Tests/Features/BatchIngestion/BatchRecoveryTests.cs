using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProfilePlatform.Api.Tests.Infrastructure;
using ProfilePlatform.Domain.Ingestion;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Api.Tests.Features.BatchIngestion;

/// <summary>A batch survives the node processing it: killed mid-batch, nothing of it is visible, and another node (or the
/// restarted one) processes it again once the job's lease runs out; a batch whose attempts keep failing ends failed, never
/// stuck. Several nodes over one store never process one batch twice.</summary>
public abstract class BatchRecoveryTests
{
    private const int Records = 5000;

    private static readonly Dictionary<string, string?> FastWorker = new()
    {
        ["Ingestion:Worker:LeaseSeconds"] = "2",
        ["Ingestion:Worker:PollSeconds"] = "0.2",
        ["Ingestion:Worker:RetryDelaySeconds"] = "0.1",
        ["Ingestion:Worker:SegmentRecords"] = "1000",
    };

    private static string T => TestClients.OrgA.TenantId;

    protected abstract Task<PlatformFactory> FirstNodeAsync(Action<IServiceCollection> services);

    /// <summary>Whether a second node can run beside the first (PostgreSQL), or only after it (SQLite: one process).</summary>
    protected abstract bool NodesRunTogether { get; }

    [Fact]
    public async Task KillDuringProcessing_NoPartialRecords_AnotherNodeFinishesTheBatch()
    {
        // Arrange: node 1 hangs in its record sink after writing the first segment, inside the batch's transaction.
        var hang = new HangingSink();
        var node1 = await GivenPlatform.StartAsync(await FirstNodeAsync(s => s.AddSingleton<IIngestedRecordSink>(hang)));
        var api1 = new IngestionApi(node1);
        var (sandbox, dataset) = await api1.NewLoyaltyDataset(TestClients.OrgA);
        var batch = await api1.NewBatch(TestClients.OrgA, sandbox, dataset);
        await api1.Upload(TestClients.OrgA, sandbox, batch, dataset, "members.json", Content());
        await api1.Complete(TestClients.OrgA, sandbox, batch);
        await hang.Reached.Task.WaitAsync(TimeSpan.FromSeconds(60));

        // Act / Assert: mid-batch, the status is processing and no record is visible, to API reads or to another node.
        Assert.Equal("processing", (await api1.CatalogBatch(TestClients.OrgA, sandbox, batch))["status"]!.GetValue<string>());
        Assert.Equal(0, await CountRecords(node1.Factory, sandbox, batch));
        GivenPlatform? node2 = null;
        if (NodesRunTogether)
        {
            node2 = await GivenPlatform.StartAsync(node1.Factory.SecondNode(FastWorker));
            await Task.Delay(TimeSpan.FromSeconds(3)); // past the lease: the row lock still keeps node 2 away
            Assert.Equal("processing", (await new IngestionApi(node2).CatalogBatch(TestClients.OrgA, sandbox, batch))["status"]!.GetValue<string>());
            Assert.Equal(0, await CountRecords(node2.Factory, sandbox, batch));
        }

        await node1.DisposeAsync(); // the node dies with the batch half written
        node2 ??= await GivenPlatform.StartAsync(node1.Factory.SecondNode(FastWorker));
        try
        {
            var api2 = new IngestionApi(node2);
            var final = await api2.WaitForFinal(TestClients.OrgA, sandbox, batch);

            // Assert: processed again from the start, every record exactly once.
            Assert.Equal("success", final["status"]!.GetValue<string>());
            Assert.Equal(Records, final["metrics"]!["outputRecordCount"]!.GetValue<long>());
            Assert.Equal(Records, await CountRecords(node2.Factory, sandbox, batch));
            Assert.Equal(2, await Attempts(node2.Factory, batch));
            using var files = await api2.Client.GetAsync($"{IngestionApi.Export}/files/{batch}-1?path=members.json", TestClients.OrgA, sandbox);
            Assert.Equal(Records, (await files.Content.ReadAsStringAsync()).Count(c => c == '\n'));
        }
        finally
        {
            await node2.DisposeAsync();
        }
    }

    [Fact]
    public async Task AttemptsKeepFailing_BatchFailsWithTheLastErrorAndNoRecords()
    {
        // Arrange: a sink that always throws makes every attempt fail after records were written.
        var node = await GivenPlatform.StartAsync(await FirstNodeAsync(s => s.AddSingleton<IIngestedRecordSink>(new ThrowingSink())));
        try
        {
            var api = new IngestionApi(node);
            var (sandbox, dataset) = await api.NewLoyaltyDataset(TestClients.OrgA);

            // Act
            var (batch, final) = await api.IngestBatch(TestClients.OrgA, sandbox, dataset, """{"format":"json"}""", "", ("a.json", Content()));

            // Assert
            Assert.Equal("failed", final["status"]!.GetValue<string>());
            var error = Assert.Single(final["errors"]!.AsArray())!;
            Assert.Equal("INGEST-1500-500", error["code"]!.GetValue<string>());
            Assert.Contains("profile store unavailable", error["description"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(0, await CountRecords(node.Factory, sandbox, batch));
            Assert.Equal(4, await Attempts(node.Factory, batch)); // three attempts, then the claim that fails it
        }
        finally
        {
            await node.DisposeAsync();
        }
    }

    protected static Dictionary<string, string?> Settings => FastWorker;

    private static byte[] Content() =>
        IngestionApi.Utf8(string.Join("\n", Enumerable.Range(0, Records).Select(i => IngestionApi.Record(T, "m" + i, i))) + "\n");

    private static async Task<int> CountRecords(PlatformFactory factory, string sandbox, string batch)
    {
        using var scope = factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenancyContext>().Use(new TenantKey(TestClients.OrgA.ImsOrg, sandbox));
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await db.Database.SqlQueryRaw<int>("SELECT CAST(COALESCE(SUM(record_count), 0) AS INTEGER) AS \"Value\" FROM dataset_record_chunks WHERE batch_id = {0}", batch).SingleAsync();
    }

    private static async Task<int> Attempts(PlatformFactory factory, string batch)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return (await db.IngestionJobs.SingleAsync(j => j.BatchId == batch)).Attempts;
    }

    private sealed class HangingSink : IIngestedRecordSink
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<IReadOnlyList<IngestedRecordError>> AcceptAsync(IngestedRecords records, CancellationToken ct)
        {
            Reached.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return [];
        }
    }

    private sealed class ThrowingSink : IIngestedRecordSink
    {
        public Task<IReadOnlyList<IngestedRecordError>> AcceptAsync(IngestedRecords records, CancellationToken ct) =>
            throw new InvalidOperationException("profile store unavailable");
    }
}

public sealed class BatchRecoveryTestsPostgres : BatchRecoveryTests
{
    protected override bool NodesRunTogether => true;

    protected override Task<PlatformFactory> FirstNodeAsync(Action<IServiceCollection> services) =>
        PlatformFactory.PostgresAsync("recovery", Settings, services);
}

public sealed class BatchRecoveryTestsSqlite : BatchRecoveryTests
{
    protected override bool NodesRunTogether => false;

    protected override Task<PlatformFactory> FirstNodeAsync(Action<IServiceCollection> services) =>
        Task.FromResult(PlatformFactory.Sqlite(Settings, services));
}

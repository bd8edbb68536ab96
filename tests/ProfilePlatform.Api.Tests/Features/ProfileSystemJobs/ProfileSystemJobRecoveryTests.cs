using System.Net;
using ProfilePlatform.Api.Tests.Features.ProfileBatches;
using ProfilePlatform.Api.Tests.Infrastructure;
using ProfilePlatform.Domain.Identity;
using static ProfilePlatform.Api.Tests.Features.ProfileBatches.ProfileDataApi;

namespace ProfilePlatform.Api.Tests.Features.ProfileSystemJobs;

/// <summary>A delete request is durable: created on a node whose worker does not run, it stays <c>NEW</c> (a second request
/// for the same data is a 422), survives that node's end, and a node started later runs it.</summary>
public abstract class ProfileSystemJobRecoveryTests
{
    private static readonly Dictionary<string, string?> NoWorker = new() { ["Profile:SystemJobs:Enabled"] = "false" };
    private static readonly Dictionary<string, string?> Worker = new() { ["Profile:SystemJobs:PollSeconds"] = "0.2" };

    private static TestClient A => TestClients.OrgA;

    protected abstract Task<PlatformFactory> FirstNodeAsync(IReadOnlyDictionary<string, string?> settings);

    [Fact]
    public async Task JobCreatedWhileNoWorkerRuns_StaysNewDuplicateIs422_NextNodeRunsIt()
    {
        // Arrange: node 1 serves the API only
        var node1 = await GivenPlatform.StartAsync(await FirstNodeAsync(NoWorker));
        var data = new ProfileDataApi(node1);
        var jobs = new SystemJobsApi(AepClient.For(node1.Factory));
        var sandbox = await data.Ingestion.NewSandbox(A);
        var dataset = await data.NewDataset(A, sandbox, await data.NewIdentityMapProfileSchema(A, sandbox));
        await data.IngestLines(A, sandbox, dataset, Member("ann@acme.com", Ecid1));
        var created = await jobs.Create(A, sandbox, $$"""{"dataSetId":"{{dataset}}"}""");
        var id = created["id"]!.GetValue<string>();

        // Act / Assert: still NEW a while later; the same request again is refused
        await Task.Delay(500);
        using (var still = await jobs.Get(A, sandbox, id))
        {
            Assert.Equal("NEW", (await AepClient.JsonAsync(still))["status"]!.GetValue<string>());
        }

        using (var duplicate = await jobs.Post(A, sandbox, $$"""{"dataSetId":"{{dataset}}"}"""))
        {
            await SystemJobsApi.AssertError(duplicate, HttpStatusCode.UnprocessableEntity, "UPS-1103-422", id);
        }

        await node1.DisposeAsync();
        var node2 = await GivenPlatform.StartAsync(node1.Factory.SecondNode(Worker));
        try
        {
            var final = await new SystemJobsApi(AepClient.For(node2.Factory)).WaitForEnd(A, sandbox, id);

            // Assert: run by the node started later
            Assert.Equal("SUCCESS", final["status"]!.GetValue<string>());
            var after = new ProfileDataApi(node2);
            Assert.Empty(await after.Fragments(A, sandbox, new CompositeIdentity("Email", "ann@acme.com")));
            Assert.Null(await after.Graph(A, sandbox, new CompositeIdentity("ECID", Ecid1)));
        }
        finally
        {
            await node2.DisposeAsync();
        }
    }
}

public sealed class ProfileSystemJobRecoveryTestsPostgres : ProfileSystemJobRecoveryTests
{
    protected override Task<PlatformFactory> FirstNodeAsync(IReadOnlyDictionary<string, string?> settings) =>
        PlatformFactory.PostgresAsync("sysjobs", settings);
}

public sealed class ProfileSystemJobRecoveryTestsSqlite : ProfileSystemJobRecoveryTests
{
    protected override Task<PlatformFactory> FirstNodeAsync(IReadOnlyDictionary<string, string?> settings) =>
        Task.FromResult(PlatformFactory.Sqlite(settings));
}

using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Domain.Tests.Fakes;

namespace ProfilePlatform.Domain.Tests.Catalog;

public sealed class BatchTests
{
    private static readonly TenantKey Tenant = new("AAAA0000000000000000000A@AdobeOrg", "prod");
    private static readonly CatalogAuthor Author = new("client-a", "tech-a");
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void Create_NewBatch_LoadingWithDatasetRelatedAndAepFields()
    {
        // Act
        var sut = New();
        var json = sut.ToJson();

        // Assert
        Assert.Equal(BatchStatus.Loading, sut.Status);
        Assert.True(sut.AcceptsFiles);
        Assert.Matches("^[0-9A-Z]{26}$", sut.Id);
        Assert.Equal(sut.Id, json["externalId"]!.GetValue<string>());
        Assert.Equal("loading", json["status"]!.GetValue<string>());
        Assert.Equal("""[{"type":"dataSet","id":"5c8c3c555033b814b69f947f"}]""", json["relatedObjects"]!.ToJsonString());
        Assert.Equal("""{"format":"parquet"}""", json["inputFormat"]!.ToJsonString());
        Assert.Equal("1.0.0", json["version"]!.GetValue<string>());
        Assert.Null(json["started"]);
        Assert.Null(json["completed"]);
    }

    [Fact]
    public void Lifecycle_CompleteProcessSucceed_StampsTimesMetricsAndVersions()
    {
        // Arrange
        var sut = New();

        // Act
        _clock.Advance(TimeSpan.FromSeconds(1));
        var completed = sut.Complete(Author, _clock.Now);
        _clock.Advance(TimeSpan.FromSeconds(1));
        sut.StartProcessing(_clock.Now);
        var started = _clock.Now.ToUnixTimeMilliseconds();
        _clock.Advance(TimeSpan.FromSeconds(1));
        sut.Succeed(new BatchMetrics(InputFileCount: 2, InputByteSize: 568, InputRecordCount: 519, OutputRecordCount: 514, FailedRecordCount: 5), [new BatchError("INGEST-1212-400", "Encountered 5 errors in the data.", 5)], _clock.Now);

        // Assert
        var json = sut.ToJson();
        Assert.True(completed);
        Assert.Equal(BatchStatus.Success, sut.Status);
        Assert.Equal(started, json["started"]!.GetValue<long>());
        Assert.Equal(_clock.Now.ToUnixTimeMilliseconds(), json["completed"]!.GetValue<long>());
        Assert.Equal(_clock.Now.ToUnixTimeMilliseconds(), json["updated"]!.GetValue<long>());
        Assert.Equal("1.0.3", json["version"]!.GetValue<string>());
        Assert.Equal(519, json["metrics"]!["recordsRead"]!.GetValue<long>());
        Assert.Equal(514, json["metrics"]!["recordsWritten"]!.GetValue<long>());
        Assert.Equal(514, json["metrics"]!["outputRecordCount"]!.GetValue<long>());
        Assert.Equal(5, json["metrics"]!["failedRecordCount"]!.GetValue<long>());
        Assert.Equal("INGEST-1212-400", json["errors"]![0]!["code"]!.GetValue<string>());
        Assert.False(sut.AcceptsFiles);
    }

    [Fact]
    public void Complete_Again_IsNoOp()
    {
        // Arrange
        var sut = New();
        sut.Complete(Author, _clock.Now);

        // Act
        var again = sut.Complete(Author, _clock.Now);

        // Assert
        Assert.False(again);
        Assert.Equal(BatchStatus.Staged, sut.Status);
        Assert.Equal("1.0.1", sut.Version);
    }

    [Fact]
    public void Abort_WhileLoading_Aborted()
    {
        // Arrange
        var sut = New();

        // Act
        sut.Abort(Author, _clock.Now);

        // Assert
        Assert.Equal(BatchStatus.Aborted, sut.Status);
        Assert.True(sut.Status.IsTerminal());
    }

    [Fact]
    public void Abort_AfterSuccess_Conflict()
    {
        // Arrange
        var sut = Succeeded();

        // Act
        var ex = Assert.Throws<BatchStatusConflictException>(() => sut.Abort(Author, _clock.Now));

        // Assert
        Assert.Equal(BatchStatus.Success, ex.Current);
        Assert.Contains("success", ex.Message, StringComparison.Ordinal);
        Assert.Equal(BatchStatus.Success, sut.Status);
    }

    [Fact]
    public void Revert_Succeeded_Inactive_ThenDeleted()
    {
        // Arrange
        var sut = Succeeded();

        // Act
        sut.Revert(Author, _clock.Now);
        var inactive = sut.Status;
        sut.MarkDeleted(_clock.Now);

        // Assert
        Assert.Equal(BatchStatus.Inactive, inactive);
        Assert.Equal(BatchStatus.Deleted, sut.Status);
    }

    [Fact]
    public void StartProcessing_WhileLoading_Conflict()
    {
        // Act / Assert
        Assert.Throws<BatchStatusConflictException>(() => New().StartProcessing(_clock.Now));
    }

    [Fact]
    public void Complete_Aborted_Conflict()
    {
        // Arrange
        var sut = New();
        sut.Abort(Author, _clock.Now);

        // Act / Assert
        Assert.Throws<BatchStatusConflictException>(() => sut.Complete(Author, _clock.Now));
    }

    [Fact]
    public void Fail_DuringProcessing_FailedWithErrors()
    {
        // Arrange
        var sut = New();
        sut.Complete(Author, _clock.Now);
        sut.StartProcessing(_clock.Now);

        // Act
        sut.Fail(new BatchMetrics(InputRecordCount: 3, FailedRecordCount: 3), [new BatchError("INGEST-1401-400", "unparsable row", Rows: ["1-3"])], _clock.Now);

        // Assert
        Assert.Equal(BatchStatus.Failed, sut.Status);
        Assert.Equal("""[{"code":"INGEST-1401-400","description":"unparsable row","rows":["1-3"]}]""", sut.ToJson()["errors"]!.ToJsonString());
        Assert.Throws<BatchStatusConflictException>(() => sut.Fail(BatchMetrics.None, [], _clock.Now));
    }

    [Fact]
    public void TrackBatch_KeepsLastBatchFieldsOfDataset()
    {
        // Arrange
        var dataset = Dataset.Create(Tenant, "sb", DatasetFields.Parse(System.Text.Json.Nodes.JsonNode.Parse("""{"schemaRef":{"id":"s"}}""")!.AsObject()), Author, _clock.Now);
        var first = Batch.Create(Tenant, "sb", dataset.Id, BatchInputFormat.Default, CatalogTags.None, Author, _clock.Now);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var second = Batch.Create(Tenant, "sb", dataset.Id, BatchInputFormat.Default, CatalogTags.None, Author, _clock.Now);

        // Act: the second batch is created, then the first finishes late
        dataset.TrackBatch(first);
        dataset.TrackBatch(second);
        first.Complete(Author, _clock.Now);
        first.StartProcessing(_clock.Now);
        first.Succeed(BatchMetrics.None, [], _clock.Now);
        dataset.TrackBatch(first);

        // Assert
        var json = dataset.ToJson();
        Assert.Equal(second.Id, json["lastBatchId"]!.GetValue<string>());
        Assert.Equal("loading", json["lastBatchStatus"]!.GetValue<string>());
        Assert.Equal(first.Id, json["lastSuccessfulBatch"]!.GetValue<string>());
        Assert.Null(json["lastFailedBatch"]);
        Assert.Equal("1.0.0", json["version"]!.GetValue<string>());
    }

    [Fact]
    public void TrackBatch_OfAnotherDataset_Throws()
    {
        // Arrange
        var dataset = Dataset.Create(Tenant, "sb", DatasetFields.Parse(System.Text.Json.Nodes.JsonNode.Parse("""{"schemaRef":{"id":"s"}}""")!.AsObject()), Author, _clock.Now);

        // Act / Assert
        Assert.Throws<ArgumentException>(() => dataset.TrackBatch(New()));
    }

    private Batch New() => Batch.Create(Tenant, "sb", "5c8c3c555033b814b69f947f", BatchInputFormat.Default, CatalogTags.None, Author, _clock.Now);

    private Batch Succeeded()
    {
        var batch = New();
        batch.Complete(Author, _clock.Now);
        batch.StartProcessing(_clock.Now);
        batch.Succeed(BatchMetrics.None, [], _clock.Now);
        return batch;
    }
}

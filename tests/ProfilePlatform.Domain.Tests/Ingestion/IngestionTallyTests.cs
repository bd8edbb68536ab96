using ProfilePlatform.Domain.Ingestion;

namespace ProfilePlatform.Domain.Tests.Ingestion;

public sealed class IngestionTallyTests
{
    private static readonly CheckedRecord Good = CheckedRecord.Accepted(new byte[] { (byte)'{', (byte)'}' });

    [Fact]
    public void Verdict_AllGood_SuccessNoErrors()
    {
        // Arrange
        var sut = Tally(good: 5, bad: 0);

        // Act
        var verdict = sut.Verdict(new IngestionPolicy(false, null));

        // Assert
        Assert.True(verdict.Succeeded);
        Assert.Empty(verdict.Errors);
        Assert.Equal((5L, 5L, 0L), (verdict.Metrics.InputRecordCount!.Value, verdict.Metrics.OutputRecordCount!.Value, verdict.Metrics.FailedRecordCount!.Value));
    }

    [Fact]
    public void Verdict_OneBadWithoutPartial_FailedWith1211AndNothingWritten()
    {
        // Act
        var verdict = Tally(good: 99, bad: 1).Verdict(new IngestionPolicy(false, null));

        // Assert
        Assert.False(verdict.Succeeded);
        Assert.Equal(0, verdict.Metrics.OutputRecordCount);
        Assert.Equal(IngestionErrorCodes.ErrorsWithoutDiagnostics, Assert.Single(verdict.Errors).Code);
    }

    [Theory]
    [InlineData(95, 5, 5, true)]
    [InlineData(94, 6, 5, false)]
    [InlineData(99, 1, 0, false)]
    [InlineData(7, 3, 30, true)]
    [InlineData(1, 2, 66.6, false)]
    [InlineData(1, 2, 66.7, true)]
    public void Verdict_PartialThreshold_IsInclusive(int good, int bad, double percent, bool succeeds)
    {
        // Act
        var verdict = Tally(good, bad).Verdict(new IngestionPolicy(true, (decimal)percent));

        // Assert
        Assert.Equal(succeeds, verdict.Succeeded);
        Assert.Equal(percent > 0, verdict.Errors[0].Code == IngestionErrorCodes.PartialSummary);
        Assert.Equal(succeeds ? good : 0, verdict.Metrics.OutputRecordCount);
        var perCode = Assert.Single(verdict.Errors, e => e.Code == IngestionErrorCodes.RequiredMissing);
        Assert.Equal(bad, perCode.RecordCount);
    }

    [Fact]
    public void Verdict_PartialSuccess_SummaryIsTheDocumentedSentence()
    {
        // Act
        var verdict = Tally(good: 514, bad: 5).Verdict(new IngestionPolicy(true, 5));

        // Assert
        Assert.Equal("Encountered 5 errors in the data. Successfully ingested 514 rows. Please review the associated diagnostic files for more details.", verdict.Errors[0].Description);
    }

    [Fact]
    public void Verdict_FileError_FailsEvenWithPartialIngestion()
    {
        // Arrange
        var sut = Tally(good: 10, bad: 0);
        sut.AddFileError("x.json", IngestionErrorCodes.EmptyFile, "Dataset file is empty.");

        // Act
        var verdict = sut.Verdict(new IngestionPolicy(true, 100));

        // Assert
        Assert.False(verdict.Succeeded);
        Assert.Equal("106", Assert.Single(verdict.Errors).Code);
        Assert.Contains("x.json", verdict.Errors[0].Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 1, true)]
    [InlineData(null, 0, false)]
    [InlineData(0.0, 1, true)]
    [InlineData(5.0, 1000, false)]
    public void Policy_CannotSucceed_OnlyWithoutAThreshold(double? percent, long failed, bool expected) =>
        Assert.Equal(expected, new IngestionPolicy(false, (decimal?)percent).CannotSucceed(failed));

    private static IngestionTally Tally(int good, int bad)
    {
        var tally = new IngestionTally();
        tally.AddFile(100);
        for (var i = 0; i < good; i++)
        {
            tally.Add(Good);
        }

        for (var i = 0; i < bad; i++)
        {
            tally.Add(CheckedRecord.Refused([new RowProblem(IngestionErrorCodes.RowRequired, "required", "/a", "missing")]));
        }

        return tally;
    }
}

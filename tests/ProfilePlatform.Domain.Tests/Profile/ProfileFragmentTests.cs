using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Profile;
using static ProfilePlatform.Domain.Tests.Profile.RecordMergeTests;

namespace ProfilePlatform.Domain.Tests.Profile;

public sealed class ProfileFragmentTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly CompositeIdentity Crm = new("CRMID", "C1");
    private static readonly CompositeIdentity Email = new("Email", "a@b.c");

    [Fact]
    public void Create_PrimaryListedFirstOnceAndTimestampsRead()
    {
        // Act
        var sut = ProfileFragment.Create("ds1", "b1", Crm, [Email, Crm], Obj("""{"extSourceSystemAudit":{"lastUpdatedDate":"2020-01-01T00:00:00Z"}}"""), T0);

        // Assert
        Assert.Equal([Crm, Email], sut.Identities);
        Assert.Equal(T0, sut.IngestedAt);
        Assert.Equal(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), sut.LastUpdated);
        Assert.Equal(sut.LastUpdated, sut.EffectiveTimestamp);
    }

    [Fact]
    public void Create_NoAuditDate_EffectiveTimestampIsIngestionTime()
    {
        // Act
        var sut = ProfileFragment.Create("ds1", "b1", Crm, [], Obj("{}"), T0);

        // Assert
        Assert.Null(sut.LastUpdated);
        Assert.Equal(T0, sut.EffectiveTimestamp);
    }

    [Fact]
    public void Upsert_NewerRecord_FieldByFieldIdentitiesUnitedBatchAndTimeMoved()
    {
        // Arrange
        var sut = ProfileFragment.Create("ds1", "b1", Crm, [Email], Obj("""{"person":{"name":{"firstName":"Jane","lastName":"Doe"}},"phones":["1","2"]}"""), T0);
        var phone = new CompositeIdentity("Phone", "+1");

        // Act
        var updated = sut.Upsert("b2", [phone], Obj("""{"person":{"name":{"firstName":"Janet"}},"phones":["3"]}"""), T0.AddHours(1));

        // Assert
        Assert.Equal("""{"person":{"name":{"firstName":"Janet","lastName":"Doe"}},"phones":["3"]}""", updated.RecordJson);
        Assert.Equal([Crm, Email, phone], updated.Identities);
        Assert.Equal("b2", updated.BatchId);
        Assert.Equal(T0.AddHours(1), updated.IngestedAt);
        Assert.Equal("ds1", updated.DatasetId);
        Assert.Equal(Crm, updated.PrimaryIdentity);
        Assert.Equal("""{"person":{"name":{"firstName":"Jane","lastName":"Doe"}},"phones":["1","2"]}""", sut.RecordJson);
    }

    [Fact]
    public void Upsert_AuditDateKeptWhenTheUpdateDoesNotSendIt_AndTakenWhenItDoes()
    {
        // Arrange
        var sut = ProfileFragment.Create("ds1", "b1", Crm, [], Obj("""{"extSourceSystemAudit":{"lastUpdatedDate":"2020-01-01T00:00:00Z"}}"""), T0);

        // Act
        var without = sut.Upsert("b2", [], Obj("""{"a":1}"""), T0.AddDays(1));
        var with = without.Upsert("b3", [], Obj("""{"extSourceSystemAudit":{"lastUpdatedDate":"2019-01-01T00:00:00Z"}}"""), T0.AddDays(2));

        // Assert
        Assert.Equal(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), without.LastUpdated);
        Assert.Equal(new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero), with.LastUpdated);
    }

    [Fact]
    public void Record_IsACopy()
    {
        // Arrange
        var source = Obj("""{"a":1}""");
        var sut = ProfileFragment.Create("ds1", "b1", Crm, [], source, T0);

        // Act
        source["a"] = 2;
        sut.Record["a"] = 3;

        // Assert
        Assert.Equal("""{"a":1}""", sut.RecordJson);
    }

    [Theory]
    [InlineData("", "b1")]
    [InlineData("ds1", " ")]
    public void Create_BlankDatasetOrBatch_Throws(string dataset, string batch)
    {
        // Act / Assert
        Assert.ThrowsAny<ArgumentException>(() => ProfileFragment.Create(dataset, batch, Crm, [], Obj("{}"), T0));
    }
}

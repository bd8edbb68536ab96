using System.Text.Json;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.SchemaRegistry.Descriptors;
using ProfilePlatform.Domain.Tests.Fakes;

namespace ProfilePlatform.Domain.Tests.Identity;

public sealed class IdentityExtractorTests
{
    private const string Ecid1 = "89149270342662559642753730269986316601";
    private const string Ecid2 = "89149270342662559642753730269986316602";

    private static readonly XdmIdentityField CrmPrimary = new("d1", "/_acme/crmId", "CRMID", false, true);
    private static readonly XdmIdentityField EmailSecondary = new("d2", "/personalEmail/address", "Email", false, false);

    private readonly FakeIdentityNamespaces _namespaces = new();

    [Fact]
    public async Task Extract_DescriptorFieldsAndIdentityMap_AllFoundWithCanonicalCodesAndDescriptorPrimary()
    {
        // Arrange
        var record = $$$"""
            {"_acme":{"crmId":"C-1"},"personalEmail":{"address":"Jane@Acme.com"},
             "identityMap":{"ecid":[{"id":"{{{Ecid1}}}","authenticatedState":"ambiguous","primary":true}],"PHONE":[{"id":"+15555550100"}]}}
            """;

        // Act
        var result = await ExtractAsync(record, CrmPrimary, EmailSecondary);

        // Assert
        Assert.False(result.IsRecordSkipped);
        Assert.Empty(result.Errors);
        Assert.Equal(["CRMID:C-1", "Email:Jane@Acme.com", $"ECID:{Ecid1}", "Phone:+15555550100"], result.Identities.Select(i => i.Identity.ToString()));
        Assert.Equal(new CompositeIdentity("CRMID", "C-1"), result.Primary!.Identity);
        Assert.Single(result.Identities, i => i.IsPrimary);
        Assert.Equal("ambiguous", result.Identities[2].AuthenticatedState);
        Assert.Equal("/_acme/crmId", result.Primary.Source);
        Assert.Equal("identityMap/ecid/0", result.Identities[2].Source);
        Assert.Equal(4, result.LinkableIdentities.Count);
    }

    [Fact]
    public async Task Extract_NoDescriptorPrimary_IdentityMapPrimaryWins()
    {
        // Arrange
        var record = $$$"""{"personalEmail":{"address":"a@b.c"},"identityMap":{"CRMID":[{"id":"C-1","primary":true}],"ECID":[{"id":"{{{Ecid1}}}"}]}}""";

        // Act
        var result = await ExtractAsync(record, EmailSecondary);

        // Assert
        Assert.Equal(new CompositeIdentity("CRMID", "C-1"), result.Primary!.Identity);
    }

    [Fact]
    public async Task Extract_SeveralIdentityMapPrimaries_LexicographicallyFirstNamespaceThenId()
    {
        // Arrange
        var record = $$$"""{"identityMap":{"Email":[{"id":"b@x.y","primary":true}],"ECID":[{"id":"{{{Ecid2}}}","primary":true},{"id":"{{{Ecid1}}}","primary":true}]}}""";

        // Act
        var result = await ExtractAsync(record);

        // Assert
        Assert.Equal(new CompositeIdentity("ECID", Ecid1), result.Primary!.Identity);
    }

    [Fact]
    public async Task Extract_NoPrimaryMarked_EcidBecomesPrimary()
    {
        // Arrange
        var record = $$$"""{"identityMap":{"Email":[{"id":"a@b.c"}],"ECID":[{"id":"{{{Ecid2}}}"},{"id":"{{{Ecid1}}}"}]}}""";

        // Act
        var result = await ExtractAsync(record);

        // Assert
        Assert.Equal(new CompositeIdentity("ECID", Ecid1), result.Primary!.Identity);
    }

    [Fact]
    public async Task Extract_NoPrimaryAndNoEcid_NoPrimaryButIdentitiesKept()
    {
        // Arrange
        var record = """{"identityMap":{"Email":[{"id":"a@b.c"}],"CRMID":[{"id":"C-1"}]}}""";

        // Act
        var result = await ExtractAsync(record);

        // Assert
        Assert.Null(result.Primary);
        Assert.Equal(2, result.Identities.Count);
        Assert.DoesNotContain(result.Identities, i => i.IsPrimary);
    }

    [Fact]
    public async Task Extract_DescriptorPrimaryValueMissing_FallsBackToIdentityMapPrimary()
    {
        // Arrange
        var record = """{"identityMap":{"Email":[{"id":"a@b.c","primary":true}]}}""";

        // Act
        var result = await ExtractAsync(record, CrmPrimary);

        // Assert
        Assert.Equal(new CompositeIdentity("Email", "a@b.c"), result.Primary!.Identity);
    }

    [Fact]
    public async Task Extract_SameIdentityInFieldAndMap_ListedOnce()
    {
        // Arrange
        var record = """{"personalEmail":{"address":"a@b.c"},"identityMap":{"email":[{"id":"a@b.c","primary":true,"authenticatedState":"authenticated"}]}}""";

        // Act
        var result = await ExtractAsync(record, EmailSecondary);

        // Assert
        var only = Assert.Single(result.Identities);
        Assert.True(only.IsPrimary);
        Assert.Equal("authenticated", only.AuthenticatedState);
        Assert.Equal("/personalEmail/address", only.Source);
    }

    [Fact]
    public async Task Extract_DescriptorPathThroughArray_EveryItemIsAnIdentity()
    {
        // Arrange
        var field = new XdmIdentityField("d3", "/_acme/loyalty/cards/number", "CRMID", false, false);
        var record = """{"_acme":{"loyalty":{"cards":[{"number":"L1"},{"number":"L2"},{"other":1},{"number":null}]}}}""";

        // Act
        var result = await ExtractAsync(record, field);

        // Assert
        Assert.Equal(["CRMID:L1", "CRMID:L2"], result.Identities.Select(i => i.Identity.ToString()));
        Assert.Equal(["/_acme/loyalty/cards/number[0]", "/_acme/loyalty/cards/number[1]"], result.Identities.Select(i => i.Source));
        Assert.Empty(result.Errors);
    }

    [Fact]
    public async Task Extract_DescriptorNamespaceGivenAsNumericId_Resolved()
    {
        // Arrange
        var field = new XdmIdentityField("d4", "/workEmail/address", "6", true, true);

        // Act
        var result = await ExtractAsync("""{"workEmail":{"address":"w@acme.com"}}""", field);

        // Assert
        Assert.Equal(new CompositeIdentity("Email", "w@acme.com"), result.Primary!.Identity);
        Assert.Equal(6, result.Primary.Namespace.Id);
    }

    [Fact]
    public async Task Extract_UnknownNamespace_IdentityDroppedWithErrorNamingIt()
    {
        // Arrange
        var record = """{"identityMap":{"Loyalty":[{"id":"L-9"}],"Email":[{"id":"a@b.c"}]}}""";

        // Act
        var result = await ExtractAsync(record);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(IdentityRecordProblem.NamespaceUnknown, error.Problem);
        Assert.Equal(IdentityErrorOutcome.IdentityDropped, error.Outcome);
        Assert.Equal("identityMap/Loyalty/0", error.Source);
        Assert.Contains("'Loyalty'", error.Message, StringComparison.Ordinal);
        Assert.False(result.IsRecordSkipped);
        Assert.Equal(["Email:a@b.c"], result.Identities.Select(i => i.Identity.ToString()));
    }

    [Fact]
    public async Task Extract_BlankIdentityMapKey_NamespaceMissingAndDropped()
    {
        // Act
        var result = await ExtractAsync("""{"identityMap":{" ":[{"id":"x"}],"Email":[{"id":"a@b.c"}]}}""");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(IdentityRecordProblem.NamespaceMissing, error.Problem);
        Assert.Equal(IdentityErrorOutcome.IdentityDropped, error.Outcome);
        Assert.Contains("no namespace", error.Message, StringComparison.Ordinal);
        Assert.Single(result.Identities);
    }

    [Theory]
    [InlineData("""{"identityMap":{"Email":[{"primary":true}]}}""", IdentityRecordProblem.ValueMissing)]
    [InlineData("""{"identityMap":{"Email":[{"id":null}]}}""", IdentityRecordProblem.ValueMissing)]
    [InlineData("""{"identityMap":{"Email":["a@b.c"]}}""", IdentityRecordProblem.ValueMissing)]
    [InlineData("""{"identityMap":{"Email":{"id":"a@b.c"}}}""", IdentityRecordProblem.ValueMissing)]
    [InlineData("""{"identityMap":{"Email":[{"id":42}]}}""", IdentityRecordProblem.ValueNotString)]
    [InlineData("""{"identityMap":{"Email":[{"id":"null"}]}}""", IdentityRecordProblem.ValueBlocked)]
    [InlineData("""{"identityMap":{"Email":[{"id":""}]}}""", IdentityRecordProblem.ValueBlocked)]
    [InlineData("""{"identityMap":{"CRMID":[{"id":"anonymous"}]}}""", IdentityRecordProblem.ValueBlocked)]
    public async Task Extract_BadEntry_IdentityDroppedRecordKept(string record, IdentityRecordProblem problem)
    {
        // Act
        var result = await ExtractAsync(record);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(problem, error.Problem);
        Assert.Equal(IdentityErrorOutcome.IdentityDropped, error.Outcome);
        Assert.False(result.IsRecordSkipped);
        Assert.Empty(result.Identities);
    }

    [Theory]
    [InlineData("1234", IdentityRecordProblem.EcidFormat)]
    [InlineData("8914927034266255964275373026998631660x", IdentityRecordProblem.EcidFormat)]
    public async Task Extract_BadEcid_RecordSkippedWithNoIdentities(string ecid, IdentityRecordProblem problem)
    {
        // Arrange
        var record = $$$"""{"_acme":{"crmId":"C-1"},"identityMap":{"ECID":[{"id":"{{{ecid}}}"}]}}""";

        // Act
        var result = await ExtractAsync(record, CrmPrimary);

        // Assert
        Assert.True(result.IsRecordSkipped);
        Assert.Empty(result.Identities);
        Assert.Null(result.Primary);
        Assert.Empty(result.LinkableIdentities);
        var error = Assert.Single(result.Errors);
        Assert.Equal(problem, error.Problem);
        Assert.Equal(IdentityErrorOutcome.RecordSkipped, error.Outcome);
        Assert.Contains("38", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_ValueOver1024Characters_RecordSkipped()
    {
        // Arrange
        var record = $$$"""{"_acme":{"crmId":"{{{new string('c', 1025)}}}"},"identityMap":{"Email":[{"id":"a@b.c"}]}}""";

        // Act
        var result = await ExtractAsync(record, CrmPrimary);

        // Assert
        Assert.True(result.IsRecordSkipped);
        Assert.Equal(IdentityRecordProblem.ValueTooLong, Assert.Single(result.Errors).Problem);
        Assert.Equal("/_acme/crmId", result.Errors[0].Source);
    }

    [Theory]
    [InlineData(20, false)]
    [InlineData(21, true)]
    public async Task Extract_IdentityCount_MoreThanTwentySkipsTheRecord(int count, bool skipped)
    {
        // Arrange
        var ids = string.Join(",", Enumerable.Range(0, count).Select(i => $$$"""{"id":"C-{{{i}}}"}"""));
        var record = $$$"""{"identityMap":{"CRMID":[{{{ids}}},{"id":"C-0"}]}}""";

        // Act
        var result = await ExtractAsync(record);

        // Assert
        Assert.Equal(skipped, result.IsRecordSkipped);
        Assert.Equal(skipped ? 0 : count, result.Identities.Count);
        if (skipped)
        {
            Assert.Equal(IdentityRecordProblem.TooManyIdentities, Assert.Single(result.Errors).Problem);
        }
    }

    [Fact]
    public async Task Extract_NonPeopleNamespace_ExtractedButNotLinkable()
    {
        // Arrange
        var record = """{"identityMap":{"SKU":[{"id":"sku-1"}],"Email":[{"id":"a@b.c","primary":true}],"PartnerX":[{"id":"p-1"}]}}""";

        // Act
        var result = await ExtractAsync(record);

        // Assert
        Assert.Equal(3, result.Identities.Count);
        Assert.Equal(["Email:a@b.c", "PartnerX:p-1"], result.LinkableIdentities.Select(i => i.Identity.ToString()));
        Assert.Equal("PARTNER", result.LinkableIdentities[1].IdType);
    }

    [Fact]
    public async Task Extract_NonStringDescriptorValue_DroppedWithError()
    {
        // Act
        var result = await ExtractAsync("""{"_acme":{"crmId":12345}}""", CrmPrimary);

        // Assert
        Assert.Equal(IdentityRecordProblem.ValueNotString, Assert.Single(result.Errors).Problem);
        Assert.Null(result.Primary);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("{}")]
    [InlineData("""{"identityMap":null}""")]
    [InlineData("""{"identityMap":[1,2]}""")]
    public async Task Extract_NothingUsable_EmptyWithoutErrors(string record)
    {
        // Act
        var result = await ExtractAsync(record, CrmPrimary);

        // Assert
        Assert.Empty(result.Identities);
        Assert.Empty(result.Errors);
        Assert.Null(result.Primary);
    }

    [Fact]
    public async Task Extract_NamespacesResolvedOncePerRecord()
    {
        // Arrange
        var record = """{"identityMap":{"Email":[{"id":"a@b.c"},{"id":"d@e.f"},{"id":"g@h.i"}]}}""";

        // Act
        await ExtractAsync(record);
        await ExtractAsync(record);

        // Assert
        Assert.Equal(2, _namespaces.Lookups);
    }

    private async Task<IdentityExtraction> ExtractAsync(string record, params XdmIdentityField[] fields)
    {
        using var document = JsonDocument.Parse(record);
        return await new IdentityExtractor(_namespaces).ExtractAsync(document.RootElement, fields, CancellationToken.None);
    }
}

using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Profile;

namespace ProfilePlatform.Domain.Tests.Profile;

public sealed class RecordMergeTests
{
    [Fact]
    public void Apply_NestedObjects_MergeFieldByFieldNewerWins()
    {
        // Arrange
        var older = Obj("""{"person":{"name":{"firstName":"Jane","lastName":"Doe"},"gender":"female"},"loyalty":{"tier":"gold"}}""");
        var newer = Obj("""{"person":{"name":{"firstName":"Janet"}},"homeAddress":{"city":"Paris"}}""");

        // Act
        var merged = RecordMerge.Apply(older, newer);

        // Assert
        Assert.Equal(
            """{"person":{"name":{"firstName":"Janet","lastName":"Doe"},"gender":"female"},"loyalty":{"tier":"gold"},"homeAddress":{"city":"Paris"}}""",
            merged.ToJsonString());
    }

    [Fact]
    public void Apply_Arrays_ReplacedWholeNotConcatenated()
    {
        // Arrange
        var older = Obj("""{"phones":[{"number":"1"},{"number":"2"}],"tags":["a","b"]}""");
        var newer = Obj("""{"phones":[{"number":"3"}],"tags":[]}""");

        // Act
        var merged = RecordMerge.Apply(older, newer);

        // Assert
        Assert.Equal("""{"phones":[{"number":"3"}],"tags":[]}""", merged.ToJsonString());
    }

    [Fact]
    public void Apply_NullOnNewerSide_IsNoValueAndErasesNothing()
    {
        // Act
        var merged = RecordMerge.Apply(Obj("""{"a":1,"b":{"c":2}}"""), Obj("""{"a":null,"b":{"c":null,"d":3}}"""));

        // Assert
        Assert.Equal("""{"a":1,"b":{"c":2,"d":3}}""", merged.ToJsonString());
    }

    [Fact]
    public void Apply_MapField_KeysMergeIndividually()
    {
        // Arrange: an XDM map (consents by purpose) is a JSON object
        var older = Obj("""{"consents":{"marketing":{"email":{"val":"y"}},"collect":{"val":"y"}}}""");
        var newer = Obj("""{"consents":{"marketing":{"sms":{"val":"n"}}}}""");

        // Act
        var merged = RecordMerge.Apply(older, newer);

        // Assert
        Assert.Equal("""{"consents":{"marketing":{"email":{"val":"y"},"sms":{"val":"n"}},"collect":{"val":"y"}}}""", merged.ToJsonString());
    }

    [Fact]
    public void Apply_TypeChangesBetweenSides_NewerValueTaken()
    {
        // Act
        var merged = RecordMerge.Apply(Obj("""{"a":{"x":1},"b":5}"""), Obj("""{"a":"flat","b":{"y":2}}"""));

        // Assert
        Assert.Equal("""{"a":"flat","b":{"y":2}}""", merged.ToJsonString());
    }

    [Fact]
    public void Apply_IdentityMap_UnionPerNamespaceNewerEntriesFirst()
    {
        // Arrange
        var older = Obj("""{"identityMap":{"ECID":[{"id":"1"},{"id":"2"}],"Email":[{"id":"a@b.c","primary":true}]}}""");
        var newer = Obj("""{"identityMap":{"ecid":[{"id":"3"},{"id":"1","authenticatedState":"authenticated"}],"CRMID":[{"id":"C1"}]}}""");

        // Act
        var merged = RecordMerge.Apply(older, newer);

        // Assert
        Assert.Equal(
            """{"identityMap":{"ECID":[{"id":"3"},{"id":"1","authenticatedState":"authenticated"},{"id":"2"}],"Email":[{"id":"a@b.c","primary":true}],"CRMID":[{"id":"C1"}]}}""",
            merged.ToJsonString());
    }

    [Fact]
    public void Apply_InputsAreNotModified()
    {
        // Arrange
        var older = Obj("""{"a":{"b":1},"identityMap":{"ECID":[{"id":"1"}]}}""");
        var newer = Obj("""{"a":{"c":2},"identityMap":{"ECID":[{"id":"2"}]}}""");

        // Act
        var merged = RecordMerge.Apply(older, newer);
        ((JsonObject)merged["a"]!)["b"] = 99;

        // Assert
        Assert.Equal("""{"a":{"b":1},"identityMap":{"ECID":[{"id":"1"}]}}""", older.ToJsonString());
        Assert.Equal("""{"a":{"c":2},"identityMap":{"ECID":[{"id":"2"}]}}""", newer.ToJsonString());
    }

    internal static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();
}

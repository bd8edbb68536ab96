using System.Text.Json.Nodes;
using ProfilePlatform.Domain.SchemaRegistry;
using ProfilePlatform.Domain.SchemaRegistry.Library;

namespace ProfilePlatform.Domain.Tests.SchemaRegistry;

public sealed class XdmStandardLibraryTests
{
    private static readonly XdmStandardLibrary Library = XdmStandardLibrary.Instance;

    private static readonly Dictionary<string, string[]> XdmTypesByJsonType = new()
    {
        ["string"] = ["string", "date", "date-time"],
        ["integer"] = ["byte", "short", "int", "long"],
        ["number"] = ["number"],
        ["boolean"] = ["boolean"],
        ["object"] = ["object", "map"],
        ["array"] = ["array"],
    };

    public static TheoryData<string> ResourceIds()
    {
        var data = new TheoryData<string>();
        foreach (var resource in new XdmStandardLibrary().All)
        {
            data.Add(resource.Id);
        }

        return data;
    }

    [Fact]
    public void All_Ids_AreUnique()
    {
        // Arrange
        var all = Library.All;

        // Act
        var duplicates = all.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        // Assert
        Assert.NotEmpty(all);
        Assert.Empty(duplicates);
    }

    [Theory]
    [MemberData(nameof(ResourceIds))]
    public void Document_AnyResource_HasTheRegistryEnvelope(string id)
    {
        // Arrange
        var resource = Library.Find(id)!;

        // Act
        var document = resource.Document;

        // Assert
        Assert.Equal(id, document["$id"]!.GetValue<string>());
        Assert.Equal("_" + id["https://ns.adobe.com/".Length..].Replace('/', '.'), resource.AltId);
        Assert.Equal(resource.AltId, document["meta:altId"]!.GetValue<string>());
        Assert.Equal(resource.Type.ResourceType(), document["meta:resourceType"]!.GetValue<string>());
        Assert.Equal(resource.Title, document["title"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(resource.Title));
        Assert.Equal("object", document["type"]!.GetValue<string>());
        Assert.Equal("object", document["meta:xdmType"]!.GetValue<string>());
        Assert.Equal("global", document["meta:containerId"]!.GetValue<string>());
        Assert.Equal("1", document["version"]!.GetValue<string>());
        Assert.NotNull(document["meta:abstract"]);
        Assert.True(document["meta:extensible"]!.GetValue<bool>());
    }

    [Theory]
    [MemberData(nameof(ResourceIds))]
    public void Refs_AnyResource_ResolveInTheLibraryOrLocally(string id)
    {
        // Arrange
        var document = Library.Find(id)!.Document;
        var definitions = document["definitions"]!.AsObject();

        // Act
        var unresolved = XdmLibraryDocuments.Refs(document)
            .Where(r => r.StartsWith("#/definitions/", StringComparison.Ordinal)
                ? !definitions.ContainsKey(r["#/definitions/".Length..])
                : Library.Find(r) is null)
            .ToList();

        // Assert
        Assert.Empty(unresolved);
    }

    [Theory]
    [MemberData(nameof(ResourceIds))]
    public void Fields_AnyResource_HaveTypeAndConsistentXdmType(string id)
    {
        // Arrange
        var document = Library.Find(id)!.Document;

        // Act
        var fields = XdmLibraryDocuments.Fields(document).ToList();

        // Assert
        foreach (var (path, field) in fields)
        {
            var type = field["type"]?.GetValue<string>();
            var xdmType = field["meta:xdmType"]?.GetValue<string>();
            Assert.True(type is not null, $"{id} {path}: no type");
            Assert.True(xdmType is not null, $"{id} {path}: no meta:xdmType");
            Assert.True(XdmTypesByJsonType.TryGetValue(type!, out var allowed) && allowed.Contains(xdmType),
                $"{id} {path}: type {type} with meta:xdmType {xdmType}");
            if (type == "array")
            {
                Assert.True(field["items"] is JsonObject, $"{id} {path}: array without items");
            }

            if (xdmType == "map")
            {
                Assert.True(field["additionalProperties"] is JsonObject, $"{id} {path}: map without additionalProperties");
            }

            if (field["$ref"] is not null)
            {
                Assert.Equal("object", type);
            }
        }
    }

    [Fact]
    public void Classes_Each_RefsExactlyOneBehaviorInAllOfAndExtendsIt()
    {
        // Arrange
        var classes = Library.All.Where(r => r.Type == XdmResourceType.Class).ToList();

        // Act / Assert
        Assert.NotEmpty(classes);
        foreach (var resource in classes)
        {
            var behaviors = resource.Document["allOf"]!.AsArray()
                .Select(part => Library.Find(part!["$ref"]!.GetValue<string>()))
                .Where(r => r?.Type == XdmResourceType.Behavior)
                .ToList();
            Assert.Single(behaviors);
            var extends = resource.Document["meta:extends"]!.AsArray().Select(e => e!.GetValue<string>());
            Assert.Contains(behaviors[0]!.Id, extends);
        }
    }

    [Fact]
    public void FieldGroups_Each_IntendToExtendLibraryClasses()
    {
        // Arrange
        var fieldGroups = Library.All.Where(r => r.Type == XdmResourceType.FieldGroup).ToList();

        // Act / Assert
        Assert.NotEmpty(fieldGroups);
        foreach (var resource in fieldGroups)
        {
            var classes = resource.Document["meta:intendedToExtend"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
            Assert.NotEmpty(classes);
            Assert.All(classes, c => Assert.Equal(XdmResourceType.Class, Library.Find(c)?.Type));
        }
    }

    [Fact]
    public void Find_ProfileClass_IsTheRecordBasedIndividualProfile()
    {
        // Arrange / Act
        var profile = Library.Find("https://ns.adobe.com/xdm/context/profile");

        // Assert
        Assert.NotNull(profile);
        Assert.Equal(XdmResourceType.Class, profile.Type);
        Assert.Equal("_xdm.context.profile", profile.AltId);
        Assert.Equal("XDM Individual Profile", profile.Title);
        Assert.Equal("classes", profile.Document["meta:resourceType"]!.GetValue<string>());
        Assert.Contains("https://ns.adobe.com/xdm/data/record",
            profile.Document["meta:extends"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.NotNull(XdmLibraryDocuments.Resolve(Library, profile.Id, "_id"));
        Assert.NotNull(XdmLibraryDocuments.Resolve(Library, profile.Id, "personID"));
        Assert.NotNull(XdmLibraryDocuments.Resolve(Library, profile.Id, "repositoryCreatedBy"));
    }

    [Fact]
    public void Find_ExperienceEventClass_IsTimeSeriesWithTimestampAndIdentityMap()
    {
        // Arrange / Act
        var experienceEvent = Library.Find("_xdm.context.experienceevent");

        // Assert
        Assert.NotNull(experienceEvent);
        Assert.Equal("XDM ExperienceEvent", experienceEvent.Title);
        Assert.Contains("https://ns.adobe.com/xdm/data/time-series",
            experienceEvent.Document["meta:extends"]!.AsArray().Select(e => e!.GetValue<string>()));
        var timestamp = XdmLibraryDocuments.Resolve(Library, experienceEvent.Id, "timestamp");
        Assert.Equal("date-time", timestamp?["format"]?.GetValue<string>());
        Assert.Equal("date-time", timestamp?["meta:xdmType"]?.GetValue<string>());
        Assert.NotNull(XdmLibraryDocuments.Resolve(Library, experienceEvent.Id, "eventType"));
        Assert.NotNull(XdmLibraryDocuments.Resolve(Library, experienceEvent.Id, "identityMap"));
    }

    [Fact]
    public void Find_IdentityMapFieldGroup_HasTheXdmMapOfIdentityItems()
    {
        // Arrange
        var fieldGroup = Library.Find("https://ns.adobe.com/xdm/context/identitymap")!;

        // Act
        var identityMap = XdmLibraryDocuments.Resolve(Library, fieldGroup.Id, "identityMap")!;

        // Assert
        Assert.Equal("mixins", fieldGroup.Document["meta:resourceType"]!.GetValue<string>());
        Assert.Equal("object", identityMap["type"]!.GetValue<string>());
        Assert.Equal("map", identityMap["meta:xdmType"]!.GetValue<string>());
        var values = identityMap["additionalProperties"]!;
        Assert.Equal("array", values["type"]!.GetValue<string>());
        var item = Library.Find(values["items"]!["$ref"]!.GetValue<string>())!;
        Assert.Equal(XdmResourceType.DataType, item.Type);
        Assert.NotNull(XdmLibraryDocuments.Resolve(Library, item.Id, "id"));
        Assert.NotNull(XdmLibraryDocuments.Resolve(Library, item.Id, "primary"));
        var state = XdmLibraryDocuments.Resolve(Library, item.Id, "authenticatedState")!;
        Assert.Equal(["ambiguous", "authenticated", "loggedOut"], state["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public void Resolve_PersonDetailsFirstName_ReachedThroughDataTypes()
    {
        // Arrange
        const string PersonDetails = "https://ns.adobe.com/xdm/context/profile-person-details";

        // Act
        var person = XdmLibraryDocuments.Resolve(Library, PersonDetails, "person");
        var firstName = XdmLibraryDocuments.Resolve(Library, PersonDetails, "person.name.firstName");

        // Assert
        Assert.Equal("https://ns.adobe.com/xdm/context/person", person?["$ref"]?.GetValue<string>());
        Assert.NotNull(firstName);
        Assert.Equal("string", firstName["type"]!.GetValue<string>());
        Assert.Equal("First name", firstName["title"]!.GetValue<string>());
    }

    [Fact]
    public void Resolve_PersonalContactEmailAddress_HasEmailFormat()
    {
        // Arrange
        const string PersonalDetails = "https://ns.adobe.com/xdm/context/profile-personal-details";

        // Act
        var email = XdmLibraryDocuments.Resolve(Library, PersonalDetails, "personalEmail.address");

        // Assert
        Assert.NotNull(email);
        Assert.Equal("email", email["format"]!.GetValue<string>());
        Assert.NotNull(XdmLibraryDocuments.Resolve(Library, PersonalDetails, "homeAddress.city"));
        Assert.NotNull(XdmLibraryDocuments.Resolve(Library, PersonalDetails, "mobilePhone.number"));
    }

    [Fact]
    public void Find_ByIdAndByAltId_ReturnTheSameResource()
    {
        // Arrange / Act
        var byId = Library.Find("https://ns.adobe.com/xdm/data/time-series");
        var byAltId = Library.Find("_xdm.data.time-series");

        // Assert
        Assert.NotNull(byId);
        Assert.NotNull(byAltId);
        Assert.Equal(byId.Id, byAltId.Id);
        Assert.Equal(XdmResourceType.Behavior, byId.Type);
        Assert.True(JsonNode.DeepEquals(byId.Document, byAltId.Document));
    }

    [Fact]
    public void Find_UnknownId_ReturnsNull()
    {
        // Arrange / Act
        var missing = Library.Find("https://ns.adobe.com/xdm/context/no-such-thing");

        // Assert
        Assert.Null(missing);
    }

    [Fact]
    public void Document_Mutated_DoesNotChangeTheLibrary()
    {
        // Arrange
        var first = Library.Find("_xdm.context.profile")!;

        // Act
        first.Document["title"] = "Changed";
        first.Document["definitions"]!.AsObject().Clear();
        Library.All[0].Document.Clear();
        var again = Library.Find("_xdm.context.profile")!;

        // Assert
        Assert.Equal("XDM Individual Profile", again.Document["title"]!.GetValue<string>());
        Assert.NotEmpty(again.Document["definitions"]!.AsObject());
        Assert.NotEmpty(Library.All[0].Document);
    }

    [Theory]
    [InlineData("https://ns.adobe.com/xdm/context/profile-work-details", "workEmail.address", "string")]
    [InlineData("https://ns.adobe.com/xdm/context/profile-work-details", "workAddress.countryCode", "string")]
    [InlineData("https://ns.adobe.com/xdm/mixins/profile/profile-loyalty-details", "loyalty.points", "number")]
    [InlineData("https://ns.adobe.com/xdm/mixins/profile/profile-loyalty-details", "loyalty.pointsExpiration.pointsExpiring", "number")]
    [InlineData("https://ns.adobe.com/xdm/mixins/profile-consents", "consents.marketing.email.val", "string")]
    [InlineData("https://ns.adobe.com/xdm/mixins/profile-consents", "consents.metadata.time", "string")]
    [InlineData("https://ns.adobe.com/xdm/context/account", "accountID", "string")]
    [InlineData("https://ns.adobe.com/xdm/context/account", "_id", "string")]
    [InlineData("https://ns.adobe.com/xdm/context/experienceevent-web", "web.webPageDetails.pageViews.value", "number")]
    [InlineData("https://ns.adobe.com/xdm/context/experienceevent-web", "web.webReferrer.URL", "string")]
    [InlineData("https://ns.adobe.com/xdm/context/experienceevent-commerce", "commerce.purchases.value", "number")]
    [InlineData("https://ns.adobe.com/xdm/context/experienceevent-commerce", "commerce.order.priceTotal", "number")]
    [InlineData("https://ns.adobe.com/xdm/context/experienceevent-commerce", "productListItems.SKU", "string")]
    [InlineData("https://ns.adobe.com/xdm/context/experienceevent-commerce", "productListItems.quantity", "integer")]
    public void Resolve_StandardFieldPath_ReachesTheFieldWithItsType(string resourceId, string path, string type)
    {
        // Arrange
        var resource = Library.Find(resourceId);

        // Act
        var field = XdmLibraryDocuments.Resolve(Library, resourceId, path);

        // Assert
        Assert.NotNull(resource);
        Assert.NotNull(field);
        Assert.Equal(type, field["type"]!.GetValue<string>());
    }

    [Fact]
    public void FieldGroups_ForExperienceEvents_IntendToExtendTheExperienceEventClassOnly()
    {
        // Arrange
        string[] eventFieldGroups =
        [
            "_xdm.context.experienceevent-web",
            "_xdm.context.experienceevent-commerce",
        ];

        // Act
        var intended = eventFieldGroups
            .Select(id => Library.Find(id)!.Document["meta:intendedToExtend"]!.AsArray().Select(c => c!.GetValue<string>()).ToList())
            .ToList();

        // Assert
        Assert.All(intended, classes => Assert.Equal(["https://ns.adobe.com/xdm/context/experienceevent"], classes));
    }

    [Fact]
    public void All_EveryResourceType_IsRepresented()
    {
        // Arrange / Act
        var types = Library.All.Select(r => r.Type).ToHashSet();

        // Assert
        Assert.Contains(XdmResourceType.Behavior, types);
        Assert.Contains(XdmResourceType.Class, types);
        Assert.Contains(XdmResourceType.FieldGroup, types);
        Assert.Contains(XdmResourceType.DataType, types);
        Assert.DoesNotContain(XdmResourceType.Schema, types);
    }
}

using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.SchemaRegistry;
using ProfilePlatform.Domain.SchemaRegistry.Descriptors;
using ProfilePlatform.Domain.SchemaRegistry.Library;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Domain.Tests.Fakes;

namespace ProfilePlatform.Domain.Tests.SchemaRegistry.Descriptors;

/// <summary>Descriptor rules (help/xdm/api/descriptors.md) against real composed schemas: a loyalty field group under
/// <c>_acme</c> plus standard field groups, in an in-memory sandbox.</summary>
public sealed class DescriptorServiceTests
{
    private const string Profile = "https://ns.adobe.com/xdm/context/profile";
    private static readonly TenantKey Tenant = new("ACME0000000000000000000A@AdobeOrg", "dev");
    private static readonly XdmAuthor Author = new(Tenant.ImsOrg, "acme", "client-1", "user-1@techacct.adobe.com");

    private readonly FakeTimeProvider _clock = new();
    private readonly InMemoryDescriptorStore _store = new();
    private readonly InMemorySchemaRegistryStore _resources;
    private readonly SchemaRegistryService _registry;
    private readonly DescriptorService _sut;

    public DescriptorServiceTests()
    {
        _resources = new InMemorySchemaRegistryStore(_store);
        _registry = new SchemaRegistryService(_resources, XdmStandardLibrary.Instance, new StoredSchemaDescriptors(_store), _clock);
        _sut = new DescriptorService(_store, _resources, _registry, new StandardIdentityNamespaces(), _clock);
    }

    [Fact]
    public async Task Create_IdentityOnTenantField_StoresAndRendersWithRegistryFields()
    {
        // Arrange
        var schema = await LoyaltySchemaAsync();

        // Act
        var created = await _sut.CreateAsync(Tenant, Author, Identity(schema, "/_acme/loyaltyId", "Email", primary: true), default);

        // Assert
        Assert.Matches("^[0-9a-f]{40}$", created["@id"]!.GetValue<string>());
        Assert.Equal("xdm:descriptorIdentity", created["@type"]!.GetValue<string>());
        Assert.Equal(schema, created["xdm:sourceSchema"]!.GetValue<string>());
        Assert.Equal("tenant", created["meta:containerId"]!.GetValue<string>());
        Assert.Equal(Tenant.ImsOrg, created["imsOrg"]!.GetValue<string>());
        Assert.Equal(_clock.Now.ToUnixTimeMilliseconds(), created["created"]!.GetValue<long>());
        Assert.Equal("user-1@techacct.adobe.com", created["createdUser"]!.GetValue<string>());
        Assert.Equal("client-1", created["createdClient"]!.GetValue<string>());
        Assert.Single(_store.All);
        Assert.Equal(schema, _store.All[0].PrimaryIdentityOf);
    }

    [Fact]
    public async Task Create_BodyWithRegistryFields_IgnoresThem()
    {
        // Arrange
        var schema = await LoyaltySchemaAsync();
        var body = Identity(schema, "/personalEmail/address", "Email");
        body["@id"] = "0000000000000000000000000000000000000000";
        body["imsOrg"] = "OTHER@AdobeOrg";
        body["created"] = 1;

        // Act
        var created = await _sut.CreateAsync(Tenant, Author, body, default);

        // Assert
        Assert.NotEqual("0000000000000000000000000000000000000000", created["@id"]!.GetValue<string>());
        Assert.Equal(Tenant.ImsOrg, created["imsOrg"]!.GetValue<string>());
        Assert.NotEqual(1, created["created"]!.GetValue<long>());
    }

    [Fact]
    public async Task Create_SourceSchemaByAltId_StoresTheDollarId()
    {
        // Arrange
        var schema = await LoyaltySchemaAsync();

        // Act
        var created = await _sut.CreateAsync(Tenant, Author, Identity(XdmId.AltIdOf(schema), "/_acme/loyaltyId", "Email"), default);

        // Assert
        Assert.Equal(schema, created["xdm:sourceSchema"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Email", "xdm:code")]
    [InlineData("email", "xdm:code")]
    [InlineData("ECID", null)]
    [InlineData("6", "xdm:id")]
    public async Task Create_KnownNamespaceByCodeOrId_IsAccepted(string ns, string? property)
    {
        // Arrange
        var schema = await LoyaltySchemaAsync();
        var body = Identity(schema, "/_acme/loyaltyId", ns);
        body.Remove("xdm:property");
        if (property is not null)
        {
            body["xdm:property"] = property;
        }

        // Act
        var created = await _sut.CreateAsync(Tenant, Author, body, default);

        // Assert
        Assert.Equal(ns, created["xdm:namespace"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_NumericNamespaceWithoutProperty_IsReadAsId()
    {
        // Arrange
        var schema = await LoyaltySchemaAsync();
        var body = Identity(schema, "/_acme/loyaltyId", "x");
        body.Remove("xdm:property");
        body["xdm:namespace"] = 7;

        // Act
        await _sut.CreateAsync(Tenant, Author, body, default);
        var fields = await _sut.IdentityFieldsAsync(schema, default);

        // Assert
        Assert.Equal(new XdmIdentityField(_store.All[0].Id, "/_acme/loyaltyId", "7", NamespaceIsId: true, IsPrimary: false), fields.Single());
    }

    [Theory]
    [InlineData("CRMID", "xdm:code", "CRMID")]
    [InlineData("Email", "xdm:id", "Email")]
    [InlineData("99999", "xdm:id", "99999")]
    [InlineData("6", "xdm:code", "xdm:id")]
    public async Task Create_UnknownNamespace_Returns400NamingIt(string ns, string property, string mentions)
    {
        // Arrange
        var schema = await LoyaltySchemaAsync();
        var body = Identity(schema, "/_acme/loyaltyId", ns);
        body["xdm:property"] = property;

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.CreateAsync(Tenant, Author, body, default));

        // Assert
        Assert.Equal(ErrorCatalog.SchemaRegistry.DescriptorReferenceNotFound, ex.Error);
        Assert.Contains("xdm:namespace", ex.Message, StringComparison.Ordinal);
        Assert.Contains(mentions, ex.Message, StringComparison.Ordinal);
        Assert.Empty(_store.All);
    }

    [Theory]
    [InlineData("/_acme/nothing", "/_acme/nothing")]
    [InlineData("/properties/_acme/properties/loyaltyId", "Leave out the 'properties'")]
    [InlineData("/personalEmail/nothing", "/personalEmail/nothing")]
    public async Task Create_PropertyNotInSchema_Returns400NamingThePath(string path, string mentions)
    {
        // Arrange
        var schema = await LoyaltySchemaAsync();

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.CreateAsync(Tenant, Author, Identity(schema, path, "Email"), default));

        // Assert
        Assert.Equal(ErrorCatalog.SchemaRegistry.DescriptorReferenceNotFound, ex.Error);
        Assert.Contains(mentions, ex.Message, StringComparison.Ordinal);
        Assert.Contains("xdm:sourceProperty", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("_acme/loyaltyId", "begin with '/'")]
    [InlineData("/_acme/loyaltyId/", "not end with '/'")]
    [InlineData("/", "not end with '/'")]
    [InlineData("/_acme//loyaltyId", "empty segment")]
    [InlineData("/_acme", "tenant namespace object")]
    public async Task Create_MalformedPath_Returns400(string path, string mentions)
    {
        // Arrange
        var schema = await LoyaltySchemaAsync();

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.CreateAsync(Tenant, Author, Identity(schema, path, "Email"), default));

        // Assert
        Assert.Equal(ErrorCatalog.SchemaRegistry.DescriptorInvalid, ex.Error);
        Assert.Contains(mentions, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/_acme/points", "integer")]
    [InlineData("/personalEmail", "object")]
    [InlineData("/loyalty/loyaltyID", "array")]
    public async Task Create_IdentityOnNonStringField_Returns400(string path, string type)
    {
        // Arrange
        var schema = await LoyaltySchemaAsync();

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.CreateAsync(Tenant, Author, Identity(schema, path, "Email"), default));

        // Assert
        Assert.Equal(ErrorCatalog.SchemaRegistry.DescriptorInvalid, ex.Error);
        Assert.Contains($"of type {type}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("string field", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_SecondPrimaryIdentity_Returns400NamingTheFirst()
    {
        // Arrange
        var schema = await LoyaltySchemaAsync();
        var first = await _sut.CreateAsync(Tenant, Author, Identity(schema, "/_acme/loyaltyId", "Email", primary: true), default);

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.CreateAsync(Tenant, Author, Identity(schema, "/personalEmail/address", "Email", primary: true), default));
        var secondary = await _sut.CreateAsync(Tenant, Author, Identity(schema, "/personalEmail/address", "Email", primary: false), default);

        // Assert
        Assert.Equal(ErrorCatalog.SchemaRegistry.PrimaryIdentityExists, ex.Error);
        Assert.Contains(first["@id"]!.GetValue<string>(), ex.Message, StringComparison.Ordinal);
        Assert.Contains("/_acme/loyaltyId", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, _store.All.Count);
        Assert.NotNull(secondary["@id"]);
    }

    [Fact]
    public async Task Create_PrimaryTakenByConcurrentWriter_Returns400NotA500()
    {
        // Arrange: another request stores a primary identity between our check and our insert
        var schema = await LoyaltySchemaAsync();
        var rival = XdmDescriptor.Create(Tenant, new XdmDescriptorBody(XdmDescriptorTypes.Identity, schema, null, true,
            Identity(schema, "/personalEmail/address", "Email", primary: true).ToJsonString()), Author, 1);
        _store.BeforeNextAdd = () => _store.Smuggle(rival);

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.CreateAsync(Tenant, Author, Identity(schema, "/_acme/loyaltyId", "Email", primary: true), default));

        // Assert
        Assert.Equal(ErrorCatalog.SchemaRegistry.PrimaryIdentityExists, ex.Error);
        Assert.Contains(rival.Id, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_PrimaryOnAnotherSchema_IsIndependent()
    {
        // Arrange
        var a = await LoyaltySchemaAsync("A");
        var b = await LoyaltySchemaAsync("B");
        await _sut.CreateAsync(Tenant, Author, Identity(a, "/_acme/loyaltyId", "Email", primary: true), default);

        // Act
        await _sut.CreateAsync(Tenant, Author, Identity(b, "/_acme/loyaltyId", "Email", primary: true), default);

        // Assert
        Assert.True(await _sut.HasPrimaryIdentityAsync(a, default));
        Assert.True(await _sut.HasPrimaryIdentityAsync(b, default));
    }

    [Theory]
    [InlineData("https://ns.adobe.com/acme/schemas/0000")]
    [InlineData(Profile)]
    public async Task Create_SourceSchemaNotATenantSchema_Returns400(string schema)
    {
        // Arrange
        await LoyaltySchemaAsync();

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.CreateAsync(Tenant, Author, Identity(schema, "/_acme/loyaltyId", "Email"), default));

        // Assert
        Assert.Equal(ErrorCatalog.SchemaRegistry.DescriptorReferenceNotFound, ex.Error);
        Assert.Contains("xdm:sourceSchema", ex.Message, StringComparison.Ordinal);
        Assert.Contains(schema, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_SourceSchemaIsAFieldGroup_Returns400()
    {
        // Arrange
        var schema = await LoyaltySchemaAsync();
        var fieldGroup = (await _resources.ListAsync(XdmResourceType.FieldGroup, default))[0].Id;

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.CreateAsync(Tenant, Author, Identity(fieldGroup, "/_acme/loyaltyId", "Email"), default));

        // Assert
        Assert.Equal(ErrorCatalog.SchemaRegistry.DescriptorReferenceNotFound, ex.Error);
        Assert.NotEqual(schema, fieldGroup);
    }

    [Theory]
    [InlineData("""{"xdm:sourceProperty":"/_acme/loyaltyId"}""", "'@type' is required")]
    [InlineData("""{"@type":"xdm:descriptorNothing"}""", "not a descriptor type")]
    [InlineData("""{"@type":42}""", "'@type' must be a non-empty string")]
    [InlineData("""{"@type":"xdm:descriptorIdentity","xdm:sourceProperty":"/_acme/loyaltyId"}""", "'xdm:sourceSchema' is required")]
    [InlineData("""{"@type":"xdm:descriptorIdentity","xdm:sourceSchema":["x"]}""", "'xdm:sourceSchema' must be a non-empty string")]
    [InlineData("""{"@type":"xdm:descriptorIdentity","xdm:sourceSchema":"SCHEMA","xdm:namespace":"Email"}""", "'xdm:sourceProperty' is required")]
    [InlineData("""{"@type":"xdm:descriptorIdentity","xdm:sourceSchema":"SCHEMA","xdm:sourceProperty":{"a":1},"xdm:namespace":"Email"}""", "'xdm:sourceProperty' must be")]
    [InlineData("""{"@type":"xdm:descriptorIdentity","xdm:sourceSchema":"SCHEMA","xdm:sourceProperty":"/_acme/loyaltyId"}""", "'xdm:namespace' is required")]
    [InlineData("""{"@type":"xdm:descriptorIdentity","xdm:sourceSchema":"SCHEMA","xdm:sourceProperty":"/_acme/loyaltyId","xdm:namespace":"Email","xdm:property":"xdm:name"}""", "'xdm:property'")]
    [InlineData("""{"@type":"xdm:descriptorIdentity","xdm:sourceSchema":"SCHEMA","xdm:sourceProperty":"/_acme/loyaltyId","xdm:namespace":{"code":"Email"}}""", "'xdm:namespace' must be")]
    [InlineData("""{"@type":"xdm:descriptorIdentity","xdm:sourceSchema":"SCHEMA","xdm:sourceProperty":"/_acme/loyaltyId","xdm:namespace":"Email","xdm:isPrimary":"yes"}""", "'xdm:isPrimary' must be true or false")]
    [InlineData("""{"@type":"xdm:descriptorIdentity","xdm:sourceSchema":"SCHEMA","xdm:sourceVersion":2,"xdm:sourceProperty":"/_acme/loyaltyId","xdm:namespace":"Email"}""", "'xdm:sourceVersion'")]
    [InlineData("""{"@type":"xdm:descriptorIdentity","xdm:sourceSchema":"SCHEMA","xdm:sourceVersion":"one","xdm:sourceProperty":"/_acme/loyaltyId","xdm:namespace":"Email"}""", "'xdm:sourceVersion'")]
    [InlineData("""{"@type":"xdm:descriptorIdentity","xdm:sourceSchema":"SCHEMA","xdm:sourceProperty":["/_acme/loyaltyId"],"xdm:namespace":"Email"}""", "'xdm:sourceProperty' must be")]
    [InlineData("""{"@type":"xdm:alternateDisplayInfo","xdm:sourceSchema":"SCHEMA","xdm:sourceProperty":"/_acme/loyaltyId","xdm:title":{"en_us":3}}""", "'xdm:title'")]
    [InlineData("""{"@type":"xdm:alternateDisplayInfo","xdm:sourceSchema":"SCHEMA","xdm:sourceProperty":"/_acme/loyaltyId","meta:enum":["a"]}""", "'meta:enum'")]
    [InlineData("""{"@type":"xdm:descriptorReferenceIdentity","xdm:sourceSchema":"SCHEMA","xdm:sourceProperty":"/_acme/loyaltyId"}""", "'xdm:identityNamespace' is required")]
    [InlineData("""{"@type":"xdm:descriptorOneToOne","xdm:sourceSchema":"SCHEMA","xdm:sourceProperty":"/_acme/loyaltyId"}""", "'xdm:destinationSchema' is required")]
    [InlineData("""{"@type":"xdm:descriptorRelationship","xdm:sourceSchema":"SCHEMA","xdm:sourceProperty":"/_acme/loyaltyId","xdm:destinationSchema":"SCHEMA"}""", "'xdm:cardinality' is required")]
    [InlineData("""{"@type":"xdm:descriptorRelationship","xdm:sourceSchema":"SCHEMA","xdm:sourceProperty":"/_acme/loyaltyId","xdm:destinationSchema":"SCHEMA","xdm:cardinality":"1:M"}""", "'xdm:cardinality' value '1:M'")]
    [InlineData("""{"@type":"xdm:descriptorPrimaryKey","xdm:sourceSchema":"SCHEMA","xdm:sourceProperty":[]}""", "1 to 100 paths")]
    [InlineData("""{"@type":"xdm:descriptorPrimaryKey","xdm:sourceSchema":"SCHEMA","xdm:sourceProperty":["/_acme/loyaltyId",7]}""", "paths as strings")]
    [InlineData("""{"@type":"xdm:descriptorTimestamp","xdm:sourceSchema":"SCHEMA","xdm:sourceProperty":"/_acme/loyaltyId"}""", "date-time")]
    public async Task Create_InvalidBody_Returns400NamingTheFieldAndStoresNothing(string json, string mentions)
    {
        // Arrange
        var schema = await LoyaltySchemaAsync();
        var body = JsonNode.Parse(json.Replace("SCHEMA", schema, StringComparison.Ordinal))!.AsObject();

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.CreateAsync(Tenant, Author, body, default));

        // Assert
        Assert.Equal(ErrorCatalog.SchemaRegistry.DescriptorInvalid, ex.Error);
        Assert.Contains(mentions, ex.Message, StringComparison.Ordinal);
        Assert.Empty(_store.All);
    }

    [Fact]
    public async Task Create_LongHostileType_IsRefusedWithAShortenedEcho()
    {
        // Arrange
        var schema = await LoyaltySchemaAsync();
        var body = Identity(schema, "/_acme/loyaltyId", "Email");
        body["@type"] = new string('x', 100_000);

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.CreateAsync(Tenant, Author, body, default));

        // Assert
        Assert.Equal(ErrorCatalog.SchemaRegistry.DescriptorInvalid, ex.Error);
        Assert.True(ex.Message.Length < 2_000, $"message of {ex.Message.Length} characters");
    }

    [Fact]
    public async Task Create_AtTheSandboxLimit_Returns400()
    {
        // Arrange
        var schema = await LoyaltySchemaAsync();
        _store.ExtraCount = DescriptorService.MaxPerSandbox;

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.CreateAsync(Tenant, Author, Identity(schema, "/_acme/loyaltyId", "Email"), default));

        // Assert
        Assert.Equal(ErrorCatalog.SchemaRegistry.DescriptorLimitReached, ex.Error);
        Assert.Contains("4000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_JustBelowTheLimit_Succeeds()
    {
        // Arrange
        var schema = await LoyaltySchemaAsync();
        _store.ExtraCount = DescriptorService.MaxPerSandbox - 1;

        // Act
        var created = await _sut.CreateAsync(Tenant, Author, Identity(schema, "/_acme/loyaltyId", "Email"), default);

        // Assert
        Assert.NotNull(created["@id"]);
    }

    [Fact]
    public async Task Create_OtherDocumentedTypes_AreAccepted()
    {
        // Arrange
        var schema = await LoyaltySchemaAsync("Source");
        var destination = await LoyaltySchemaAsync("Destination");
        var bodies = new[]
        {
            $$$"""{"@type":"xdm:alternateDisplayInfo","xdm:sourceSchema":"{{{schema}}}","xdm:sourceVersion":1,"xdm:sourceProperty":"/_acme/loyaltyId","xdm:title":{"en_us":"Loyalty"},"xdm:description":{"en_us":"Member id"},"meta:enum":{"a":"A"}}""",
            $$"""{"@type":"xdm:descriptorReferenceIdentity","xdm:sourceSchema":"{{schema}}","xdm:sourceVersion":1,"xdm:sourceProperty":"/_acme/loyaltyId","xdm:identityNamespace":"Email"}""",
            $$"""{"@type":"xdm:descriptorOneToOne","xdm:sourceSchema":"{{schema}}","xdm:sourceVersion":1,"xdm:sourceProperty":"/_acme/loyaltyId","xdm:destinationSchema":"{{destination}}","xdm:destinationVersion":1,"xdm:destinationProperty":"/_acme/loyaltyId"}""",
            $$"""{"@type":"xdm:descriptorRelationship","xdm:sourceSchema":"{{schema}}","xdm:sourceProperty":"/_acme/loyaltyId","xdm:destinationSchema":"{{destination}}","xdm:cardinality":"M:1","xdm:sourceToDestinationTitle":"Members"}""",
            $$"""{"@type":"xdm:descriptorPrimaryKey","xdm:sourceSchema":"{{schema}}","xdm:sourceProperty":["/_acme/loyaltyId","/personalEmail/address"]}""",
            $$"""{"@type":"xdm:descriptorVersion","xdm:sourceSchema":"{{schema}}","xdm:sourceProperty":"/_acme/points"}""",
            $$"""{"@type":"xdm:descriptorTimestamp","xdm:sourceSchema":"{{schema}}","xdm:sourceProperty":"/loyalty/joinDate"}""",
            $$"""{"@type":"xdm:descriptorDeprecated","xdm:sourceSchema":"{{schema}}","xdm:sourceVersion":1,"xdm:sourceProperty":["/mobilePhone/number","/personalEmail/address"]}""",
        };

        // Act
        foreach (var body in bodies)
        {
            await _sut.CreateAsync(Tenant, Author, JsonNode.Parse(body)!.AsObject(), default);
        }

        // Assert
        Assert.Equal(bodies.Length, _store.All.Count);
        Assert.Equal(2, _store.All.Count(d => d.DestinationSchema == destination));
    }

    [Fact]
    public async Task Create_RelationshipToUnknownDestination_Returns400()
    {
        // Arrange
        var schema = await LoyaltySchemaAsync();
        var body = JsonNode.Parse($$"""{"@type":"xdm:descriptorOneToOne","xdm:sourceSchema":"{{schema}}","xdm:sourceProperty":"/_acme/loyaltyId","xdm:destinationSchema":"https://ns.adobe.com/acme/schemas/missing"}""")!.AsObject();

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.CreateAsync(Tenant, Author, body, default));

        // Assert
        Assert.Equal(ErrorCatalog.SchemaRegistry.DescriptorReferenceNotFound, ex.Error);
        Assert.Contains("xdm:destinationSchema", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_RelationshipToUnknownDestinationProperty_Returns400()
    {
        // Arrange
        var schema = await LoyaltySchemaAsync("S");
        var destination = await LoyaltySchemaAsync("D");
        var body = JsonNode.Parse($$"""{"@type":"xdm:descriptorOneToOne","xdm:sourceSchema":"{{schema}}","xdm:sourceProperty":"/_acme/loyaltyId","xdm:destinationSchema":"{{destination}}","xdm:destinationProperty":"/_acme/missing"}""")!.AsObject();

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.CreateAsync(Tenant, Author, body, default));

        // Assert
        Assert.Equal(ErrorCatalog.SchemaRegistry.DescriptorReferenceNotFound, ex.Error);
        Assert.Contains("xdm:destinationProperty", ex.Message, StringComparison.Ordinal);
        Assert.Contains(destination, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replace_RewritesDefinitionAndKeepsCreationFacts()
    {
        // Arrange
        var schema = await LoyaltySchemaAsync();
        var created = await _sut.CreateAsync(Tenant, Author, Identity(schema, "/personalEmail/address", "Email"), default);
        var id = created["@id"]!.GetValue<string>();
        _clock.Advance(TimeSpan.FromMinutes(5));
        var editor = Author with { UserId = "user-2@techacct.adobe.com" };

        // Act
        var replaced = await _sut.ReplaceAsync(editor, id, Identity(schema, "/mobilePhone/number", "Phone"), default);
        var after = await _sut.GetAsync(id, default);

        // Assert
        Assert.Equal(id, replaced);
        Assert.Equal("/mobilePhone/number", after["xdm:sourceProperty"]!.GetValue<string>());
        Assert.Equal("Phone", after["xdm:namespace"]!.GetValue<string>());
        Assert.Equal(created["created"]!.GetValue<long>(), after["created"]!.GetValue<long>());
        Assert.Equal(_clock.Now.ToUnixTimeMilliseconds(), after["updated"]!.GetValue<long>());
        Assert.Equal("user-1@techacct.adobe.com", after["createdUser"]!.GetValue<string>());
        Assert.Equal("user-2@techacct.adobe.com", after["updatedUser"]!.GetValue<string>());
    }

    [Fact]
    public async Task Replace_ThePrimaryItself_StaysPrimary()
    {
        // Arrange
        var schema = await LoyaltySchemaAsync();
        var id = (await _sut.CreateAsync(Tenant, Author, Identity(schema, "/_acme/loyaltyId", "Email", primary: true), default))["@id"]!.GetValue<string>();

        // Act
        await _sut.ReplaceAsync(Author, id, Identity(schema, "/personalEmail/address", "Email", primary: true), default);

        // Assert
        Assert.Equal("/personalEmail/address", (await _sut.IdentityFieldsAsync(schema, default)).Single(f => f.IsPrimary).Path);
    }

    [Fact]
    public async Task Replace_MakingASecondPrimary_Returns400AndLeavesItUnchanged()
    {
        // Arrange
        var schema = await LoyaltySchemaAsync();
        await _sut.CreateAsync(Tenant, Author, Identity(schema, "/_acme/loyaltyId", "Email", primary: true), default);
        var other = (await _sut.CreateAsync(Tenant, Author, Identity(schema, "/personalEmail/address", "Email"), default))["@id"]!.GetValue<string>();

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.ReplaceAsync(Author, other, Identity(schema, "/personalEmail/address", "Email", primary: true), default));

        // Assert
        Assert.Equal(ErrorCatalog.SchemaRegistry.PrimaryIdentityExists, ex.Error);
        Assert.False((await _sut.GetAsync(other, default))["xdm:isPrimary"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Replace_UnknownId_Returns404()
    {
        // Arrange
        var schema = await LoyaltySchemaAsync();

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.ReplaceAsync(Author, "f3a1dfa38a4871cf4442a33074c1f9406a593407", Identity(schema, "/_acme/loyaltyId", "Email"), default));

        // Assert
        Assert.Equal(ErrorCatalog.SchemaRegistry.DescriptorNotFound, ex.Error);
        Assert.Equal(404, ex.Error.Status);
    }

    [Fact]
    public async Task Delete_ThenGet_Returns404()
    {
        // Arrange
        var schema = await LoyaltySchemaAsync();
        var id = (await _sut.CreateAsync(Tenant, Author, Identity(schema, "/_acme/loyaltyId", "Email"), default))["@id"]!.GetValue<string>();

        // Act
        await _sut.DeleteAsync(id, default);
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.GetAsync(id, default));

        // Assert
        Assert.Equal(ErrorCatalog.SchemaRegistry.DescriptorNotFound, ex.Error);
        Assert.Contains(id, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListForSchema_AndPrimaryCheck_SeeOnlyThatSchema()
    {
        // Arrange
        var a = await LoyaltySchemaAsync("A");
        var b = await LoyaltySchemaAsync("B");
        await _sut.CreateAsync(Tenant, Author, Identity(a, "/_acme/loyaltyId", "Email", primary: false), default);
        await _sut.CreateAsync(Tenant, Author, Identity(b, "/_acme/loyaltyId", "Email", primary: true), default);

        // Act
        var forA = await _sut.ListForSchemaAsync(XdmId.AltIdOf(a), default);
        var aHasPrimary = await _sut.HasPrimaryIdentityAsync(a, default);
        var bHasPrimary = await _sut.HasPrimaryIdentityAsync(XdmId.AltIdOf(b), default);
        var unknown = await _sut.ListForSchemaAsync("https://ns.adobe.com/acme/schemas/none", default);

        // Assert
        Assert.Equal(a, forA.Single()["xdm:sourceSchema"]!.GetValue<string>());
        Assert.False(aHasPrimary);
        Assert.True(bHasPrimary);
        Assert.Empty(unknown);
    }

    [Fact]
    public async Task DeleteSchema_TakesItsDescriptorsAndRelationshipsToItAlong()
    {
        // Arrange
        var kept = await LoyaltySchemaAsync("Kept");
        var doomed = await LoyaltySchemaAsync("Doomed");
        await _sut.CreateAsync(Tenant, Author, Identity(doomed, "/_acme/loyaltyId", "Email", primary: true), default);
        await _sut.CreateAsync(Tenant, Author, Identity(kept, "/_acme/loyaltyId", "Email", primary: true), default);
        await _sut.CreateAsync(Tenant, Author, JsonNode.Parse($$"""{"@type":"xdm:descriptorOneToOne","xdm:sourceSchema":"{{kept}}","xdm:sourceProperty":"/_acme/loyaltyId","xdm:destinationSchema":"{{doomed}}"}""")!.AsObject(), default);

        // Act
        await _registry.DeleteAsync(XdmResourceType.Schema, doomed, default);

        // Assert
        var left = await _sut.ListAsync(default);
        Assert.Equal(kept, left.Single()["xdm:sourceSchema"]!.GetValue<string>());
    }

    private async Task<string> LoyaltySchemaAsync(string title = "Loyalty Members")
    {
        var fieldGroup = await _registry.CreateAsync(Tenant, Author, XdmResourceType.FieldGroup, JsonNode.Parse("""
            {"title":"Loyalty TITLE","type":"object","meta:intendedToExtend":["https://ns.adobe.com/xdm/context/profile"],
             "definitions":{"loyalty":{"properties":{"_acme":{"type":"object","properties":{
               "loyaltyId":{"type":"string"},"points":{"type":"integer"}}}}}},
             "allOf":[{"$ref":"#/definitions/loyalty"}]}
            """.Replace("TITLE", title, StringComparison.Ordinal))!.AsObject(), default);
        var schema = await _registry.CreateAsync(Tenant, Author, XdmResourceType.Schema, JsonNode.Parse($$"""
            {"title":"{{title}}","type":"object","allOf":[
              {"$ref":"{{Profile}}"},{"$ref":"{{fieldGroup["$id"]}}"},
              {"$ref":"https://ns.adobe.com/xdm/context/profile-personal-details"},
              {"$ref":"https://ns.adobe.com/xdm/mixins/profile/profile-loyalty-details"}]}
            """)!.AsObject(), default);
        return schema["$id"]!.GetValue<string>();
    }

    private static JsonObject Identity(string schema, string path, string ns, bool primary = false) => new()
    {
        ["@type"] = "xdm:descriptorIdentity",
        ["xdm:sourceSchema"] = schema,
        ["xdm:sourceVersion"] = 1,
        ["xdm:sourceProperty"] = path,
        ["xdm:namespace"] = ns,
        ["xdm:property"] = "xdm:code",
        ["xdm:isPrimary"] = primary,
    };
}

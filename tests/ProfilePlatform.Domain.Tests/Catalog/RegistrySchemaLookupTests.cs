using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.SchemaRegistry;
using ProfilePlatform.Domain.SchemaRegistry.Descriptors;
using ProfilePlatform.Domain.SchemaRegistry.Library;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Domain.Tests.Fakes;

namespace ProfilePlatform.Domain.Tests.Catalog;

public sealed class RegistrySchemaLookupTests
{
    private static readonly TenantKey Tenant = new("AAAA0000000000000000000A@AdobeOrg", "prod");
    private readonly InMemorySchemaRegistryStore _store = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly RegistrySchemaLookup _sut;
    private readonly SchemaRegistryService _registry;

    public RegistrySchemaLookupTests()
    {
        _registry = new SchemaRegistryService(_store, XdmStandardLibrary.Instance, new StoredSchemaDescriptors(new InMemoryDescriptorStore()), _clock);
        _sut = new RegistrySchemaLookup(_registry);
    }

    [Fact]
    public async Task Find_TenantSchemaByIdOrAltId_FoundNotProfileEnabled()
    {
        // Arrange
        var id = await NewSchema("Plain profile schema");

        // Act
        var byId = await _sut.FindAsync(id, default);
        var byAltId = await _sut.FindAsync(XdmId.AltIdOf(id), default);

        // Assert
        Assert.Equal(id, byId!.Id);
        Assert.Equal("https://ns.adobe.com/xdm/context/profile", byId.ClassId);
        Assert.False(byId.ProfileEnabled);
        Assert.Equal(id, byAltId!.Id);
    }

    [Fact]
    public async Task Find_SchemaTaggedUnion_ProfileEnabled()
    {
        // Arrange: the registry's PATCH will add meta:immutableTags; until then, store such a document directly
        var id = "https://ns.adobe.com/acme/schemas/" + new string('c', 48);
        var doc = new JsonObject { ["$id"] = id, ["title"] = "Union schema", ["meta:class"] = "https://ns.adobe.com/xdm/context/profile", ["meta:immutableTags"] = new JsonArray("union") };
        await _store.AddAsync(
            XdmResource.Create(Tenant, id, XdmResourceType.Schema, "Union schema", "1.0", doc.ToJsonString(), _clock.Now),
            XdmAuditEntry.Create(Tenant, id, "[]", new XdmAuthor(Tenant.ImsOrg, "acme", "client", "user"), _clock.Now),
            default);

        // Act
        var found = await _sut.FindAsync(id, default);

        // Assert
        Assert.True(found!.ProfileEnabled);
    }

    [Theory]
    [InlineData("https://ns.adobe.com/acme/schemas/missing")]
    [InlineData("https://ns.adobe.com/xdm/context/profile")] // a class, not a schema
    public async Task Find_NoSuchSchema_Null(string id)
    {
        // Act / Assert
        Assert.Null(await _sut.FindAsync(id, default));
    }

    private async Task<string> NewSchema(string title)
    {
        var body = new JsonObject
        {
            ["title"] = title,
            ["type"] = "object",
            ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = "https://ns.adobe.com/xdm/context/profile" }),
        };
        var created = await _registry.CreateAsync(Tenant, new XdmAuthor(Tenant.ImsOrg, "acme", "client", "user"), XdmResourceType.Schema, body, default);
        return created["$id"]!.GetValue<string>();
    }
}

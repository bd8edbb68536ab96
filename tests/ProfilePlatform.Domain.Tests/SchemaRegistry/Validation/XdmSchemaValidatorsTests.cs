using System.Text;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.SchemaRegistry;
using ProfilePlatform.Domain.SchemaRegistry.Descriptors;
using ProfilePlatform.Domain.SchemaRegistry.Library;
using ProfilePlatform.Domain.SchemaRegistry.Validation;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Domain.Tests.Fakes;

namespace ProfilePlatform.Domain.Tests.SchemaRegistry.Validation;

/// <summary>The validator ingestion gets for a schema follows the schema's field groups as they change.</summary>
public sealed class XdmSchemaValidatorsTests
{
    private static readonly TenantKey Tenant = new("ACME0000000000000000000A@AdobeOrg", "dev");
    private static readonly XdmAuthor Author = new(Tenant.ImsOrg, "acme", "client-1", "user-1");
    private readonly InMemorySchemaRegistryStore _store = new();
    private readonly SchemaRegistryService _registry;
    private readonly XdmSchemaValidators _sut;

    public XdmSchemaValidatorsTests()
    {
        _registry = new SchemaRegistryService(_store, XdmStandardLibrary.Instance, new StoredSchemaDescriptors(new InMemoryDescriptorStore()), new FakeTimeProvider());
        _sut = new XdmSchemaValidators(_registry, _store, new XdmValidatorCache());
    }

    [Fact]
    public async Task ForSchema_AfterAFieldGroupChange_ValidatesAgainstTheNewFields()
    {
        // Arrange
        var fieldGroup = await _registry.CreateAsync(Tenant, Author, XdmResourceType.FieldGroup, Obj("""
            {"title":"Loyalty","type":"object","meta:intendedToExtend":["https://ns.adobe.com/xdm/context/profile"],
             "definitions":{"f":{"properties":{"_acme":{"type":"object","properties":{"points":{"type":"integer"}}}}}},
             "allOf":[{"$ref":"#/definitions/f"}]}
            """), CancellationToken.None);
        var fgId = fieldGroup["$id"]!.GetValue<string>();
        var schema = await _registry.CreateAsync(Tenant, Author, XdmResourceType.Schema, Obj($$"""
            {"title":"Members","type":"object","allOf":[{"$ref":"https://ns.adobe.com/xdm/context/profile"},{"$ref":"{{fgId}}"}]}
            """), CancellationToken.None);
        var schemaId = schema["meta:altId"]!.GetValue<string>();
        const string record = """{"_acme":{"points":5,"tier":"gold"}}""";
        var before = (await _sut.ForSchemaAsync(Tenant, schemaId, CancellationToken.None)).Validate(Encoding.UTF8.GetBytes(record));

        // Act
        await _registry.PatchAsync(Tenant, Author, XdmResourceType.FieldGroup, fgId, new AddField("/definitions/f/properties/_acme/properties/tier", """{"type":"string"}"""), CancellationToken.None);
        var after = (await _sut.ForSchemaAsync(Tenant, schemaId, CancellationToken.None)).Validate(Encoding.UTF8.GetBytes(record));

        // Assert
        Assert.Contains(before, v => v.Path == "/_acme/tier");
        Assert.Empty(after);
    }

    [Fact]
    public async Task ForSchema_Unknown_IsTheRegistrysNotFound()
    {
        var e = await Assert.ThrowsAsync<AepException>(() => _sut.ForSchemaAsync(Tenant, "_acme.schemas.nothing", CancellationToken.None));
        Assert.Equal(ErrorCatalog.SchemaRegistry.NotFound, e.Error);
    }

    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>A one-operation "add" patch, as the API layer's JSON Patch would apply it.</summary>
    private sealed class AddField(string pointer, string value) : IXdmPatch
    {
        public void ApplyTo(JsonObject document)
        {
            var segments = pointer.Trim('/').Split('/');
            JsonNode node = document;
            foreach (var s in segments[..^1])
            {
                node = node[s]!;
            }

            node[segments[^1]] = JsonNode.Parse(value);
        }
    }
}

using System.Text.Json.Nodes;
using ProfilePlatform.Domain.SchemaRegistry;
using ProfilePlatform.Domain.SchemaRegistry.Library;

namespace ProfilePlatform.Domain.Tests.SchemaRegistry.Validation;

/// <summary>Composed schemas built the way the registry builds them: the standard library plus a tenant field group.</summary>
internal static class XdmTestSchemas
{
    public const string SchemaId = "https://ns.adobe.com/acme/schemas/0123456789abcdef";
    public const string LoyaltyId = "https://ns.adobe.com/acme/mixins/loyalty";

    /// <summary>A tenant field group with one field of every kind the validator checks.</summary>
    public static JsonObject LoyaltyFieldGroup() => Obj($$"""
        {
          "$id": "{{LoyaltyId}}",
          "title": "Acme Loyalty",
          "type": "object",
          "meta:resourceType": "mixins",
          "meta:intendedToExtend": ["https://ns.adobe.com/xdm/context/profile"],
          "definitions": {
            "loyalty": {
              "properties": {
                "_acme": {
                  "type": "object",
                  "properties": {
                    "loyalty": {
                      "type": "object",
                      "required": ["loyaltyId"],
                      "properties": {
                        "loyaltyId": { "type": "string", "title": "Loyalty ID" },
                        "points": { "type": "integer", "meta:xdmType": "int", "title": "Points" },
                        "level": { "type": "integer", "meta:xdmType": "short", "minimum": 0, "maximum": 10 },
                        "rank": { "type": "integer", "meta:xdmType": "byte" },
                        "lifetime": { "type": "integer", "meta:xdmType": "long" },
                        "balance": { "type": "number", "minimum": 0, "exclusiveMaximum": 1000000 },
                        "tier": { "type": "string", "enum": ["gold", "silver", "bronze"], "meta:enum": { "gold": "Gold" } },
                        "code": { "type": "string", "pattern": "^[A-Z]{3}-[0-9]{4}$" },
                        "nickname": { "type": "string", "minLength": 2, "maxLength": 12 },
                        "joined": { "type": "string", "format": "date", "meta:xdmType": "date" },
                        "memberSince": { "type": "string", "format": "date-time", "meta:xdmType": "date-time" },
                        "website": { "type": "string", "format": "uri" },
                        "active": { "type": "boolean" },
                        "tags": { "type": "array", "items": { "type": "string" }, "maxItems": 3 },
                        "scores": { "type": "object", "meta:xdmType": "map", "additionalProperties": { "type": "integer", "meta:xdmType": "int" } }
                      }
                    }
                  }
                }
              }
            }
          },
          "allOf": [{ "$ref": "#/definitions/loyalty" }]
        }
        """);

    /// <summary>An XDM Individual Profile schema with demographic, personal contact, identity map and the loyalty
    /// field group, composed as the registry's <c>xed-full</c> form.</summary>
    public static JsonObject ProfileSchema() => Compose(
        "https://ns.adobe.com/xdm/context/profile",
        "https://ns.adobe.com/xdm/context/profile-person-details",
        "https://ns.adobe.com/xdm/context/profile-personal-details",
        "https://ns.adobe.com/xdm/context/identitymap",
        LoyaltyId);

    public static JsonObject Compose(params string[] parts)
    {
        var schema = new JsonObject
        {
            ["$id"] = SchemaId,
            ["title"] = "Acme Loyalty Members",
            ["type"] = "object",
            ["allOf"] = new JsonArray([.. parts.Select(p => (JsonNode)new JsonObject { ["$ref"] = p })]),
        };
        return new XdmComposer(new Resolver()).Compose(schema);
    }

    /// <summary>A valid profile record of about 600 bytes.</summary>
    public const string ValidRecord = """
        {
          "_id": "https://data.acme.example/profiles/1",
          "personID": "p-0001",
          "person": {
            "name": { "firstName": "Ada", "lastName": "Lovelace", "fullName": "Ada Lovelace" },
            "birthDate": "1815-12-10",
            "gender": "female"
          },
          "personalEmail": { "address": "ada@example.com", "primary": true },
          "homeAddress": { "city": "London", "countryCode": "GB", "postalCode": "W1A 1AA" },
          "mobilePhone": { "number": "+44 20 7946 0000" },
          "identityMap": {
            "ECID": [{ "id": "92312748749128", "primary": true, "authenticatedState": "ambiguous" }],
            "Email": [{ "id": "ada@example.com" }]
          },
          "_acme": {
            "loyalty": {
              "loyaltyId": "L-1", "points": 1200, "level": 3, "tier": "gold", "code": "ABC-1234",
              "joined": "2020-01-31", "memberSince": "2020-01-31T10:00:00+01:00", "website": "https://ada.example.com",
              "tags": ["vip"], "scores": { "q1": 10 }
            }
          }
        }
        """;

    public static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    private sealed class Resolver : IXdmResolver
    {
        private readonly JsonObject loyalty = LoyaltyFieldGroup();

        public JsonObject? Resolve(string id) => id == LoyaltyId ? loyalty : XdmStandardLibrary.Instance.Find(id) is { } r && r.Id == id ? r.Document : null;
    }
}

using System.Text.Json.Nodes;
using ProfilePlatform.Domain.SchemaRegistry;
using ProfilePlatform.Domain.SchemaRegistry.Library;

namespace ProfilePlatform.Domain.Profile.MergePolicies;

/// <summary>Merge policy classes from the Schema Registry: a class, standard or the sandbox's own, whose
/// <c>meta:extends</c> includes the record behavior (time-series classes such as ExperienceEvent are not merged).</summary>
public sealed class RegistryMergePolicyClasses(IXdmLibrary library, ISchemaRegistryStore registry) : IMergePolicyClasses
{
    private const string RecordBehavior = "https://ns.adobe.com/xdm/data/record";

    public async Task<bool> IsRecordClassAsync(string schemaName, CancellationToken ct)
    {
        if (schemaName == MergePolicy.ProfileClass)
        {
            return true;
        }

        if (!schemaName.StartsWith('_'))
        {
            return false; // a class name is an alt id; a full $id or a title is not one
        }

        if (library.Find(schemaName) is { } standard)
        {
            return standard.Type == XdmResourceType.Class && IsRecord(standard.Document);
        }

        var own = await registry.FindAsync(schemaName, ct);
        return own is { Type: XdmResourceType.Class } && IsRecord(JsonNode.Parse(own.Document) as JsonObject);
    }

    private static bool IsRecord(JsonObject? document) =>
        document?["meta:extends"] is JsonArray lineage && lineage.Any(l => l?.GetValueKind() == System.Text.Json.JsonValueKind.String && l.GetValue<string>() == RecordBehavior);
}

namespace ProfilePlatform.Domain.Profile.Entities;

/// <summary>A DELETE <c>/access/entities</c> request, validated (profile.yaml <c>deleteEntity</c>): the profile's
/// identity and, optionally, the merge policy whose identity stitching says which identities make the profile.</summary>
public sealed record EntityDeleteQuery(EntityIdentity Identity, string? MergePolicyId)
{
    /// <summary>Validates the query: <c>schema.name</c> is required and only <c>_xdm.context.profile</c> ("You can only
    /// use the _xdm.context.profile schema with this endpoint"); empty values count as absent.</summary>
    public static EntityDeleteQuery Parse(IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in parameters)
        {
            if (value.Length > 0 && key is "schema.name" or "entityId" or "entityIdNS" or "mergePolicyId" && !values.TryAdd(key, value))
            {
                throw EntityErrors.Invalid($"Parameter '{key}' is given more than once: send it once.");
            }
        }

        var schema = values.GetValueOrDefault("schema.name");
        if (schema != EntitySchemas.Profile)
        {
            throw EntityErrors.Invalid(schema is null
                ? "Parameter 'schema.name' is required: _xdm.context.profile (the only schema entities can be deleted for)."
                : $"Parameter 'schema.name' value '{EntityErrors.Short(schema)}' is not supported: only _xdm.context.profile entities can be deleted.");
        }

        return new EntityDeleteQuery(
            EntityIdentity.Of(values.GetValueOrDefault("entityId"), values.GetValueOrDefault("entityIdNS"), "entityId", "entityIdNS"),
            values.GetValueOrDefault("mergePolicyId"));
    }
}

namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>Which schemas hold data: a schema used by a dataset only evolves additively, like one enabled for Profile
/// (help/xdm/troubleshooting-guide.md, "When does a schema start preventing breaking changes?").</summary>
public interface IXdmSchemaUsage
{
    /// <summary>The datasets of each schema that has any, by schema <c>$id</c>.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> DatasetsBySchemaAsync(CancellationToken ct);
}

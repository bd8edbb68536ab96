using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Catalog;

/// <summary>An object a batch relates to: <c>{"type":"dataSet","id":...}</c> for the dataset it loads
/// (catalog.yaml <c>relatedObjects</c>: batch, dataSet, dataSetFile, dataSetView, transform).</summary>
public sealed record BatchRelatedObject(string Type, string Id, string? Tag = null)
{
    public const string DataSet = "dataSet";

    /// <summary>The types catalog.yaml allows.</summary>
    public static readonly IReadOnlyList<string> Types = ["batch", "dataSet", "dataSetFile", "dataSetView", "transform"];

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = Type, ["id"] = Id };
        if (Tag is not null)
        {
            json["tag"] = Tag;
        }

        return json;
    }
}

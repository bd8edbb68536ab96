using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Profile.MergePolicies;

/// <summary>A merge policy's <c>attributeMerge</c>: how conflicting attributes are resolved.</summary>
/// <param name="Type"><see cref="AttributeMergeTypes.TimestampOrdered"/> or <see cref="AttributeMergeTypes.DataSetPrecedence"/>.</param>
/// <param name="Order">For <c>dataSetPrecedence</c>, the dataset ids by priority, highest first ("Any datasets not
/// included in the list will not be merged"); empty for <c>timestampOrdered</c>.</param>
public sealed record AttributeMerge(string Type, IReadOnlyList<string> Order)
{
    public static AttributeMerge TimestampOrdered { get; } = new(AttributeMergeTypes.TimestampOrdered, []);

    public bool IsDataSetPrecedence => Type == AttributeMergeTypes.DataSetPrecedence;

    public bool Equals(AttributeMerge? other) =>
        other is not null && Type == other.Type && Order.SequenceEqual(other.Order);

    public override int GetHashCode() => HashCode.Combine(Type, Order.Count);

    /// <summary><c>{"type": ...}</c>, plus <c>order</c> for <c>dataSetPrecedence</c> (as the API docs show it).</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = Type };
        if (IsDataSetPrecedence)
        {
            json["order"] = new JsonArray([.. Order.Select(id => (JsonNode)JsonValue.Create(id))]);
        }

        return json;
    }
}

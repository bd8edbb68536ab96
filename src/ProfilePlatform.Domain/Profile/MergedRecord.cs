using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Profile;

/// <summary>The merged data of a profile: <see cref="RecordMerge"/>'s rule applied to the fragments' records, kept as
/// references into their parsed JSON and written straight to a <see cref="Utf8JsonWriter"/>.</summary>
/// <remarks>
/// <para>Why not a <see cref="JsonObject"/>: the entity lookup merges every fragment of a profile per request, and a
/// JSON object model of each record — dictionaries of nodes, copied into the result — was most of what a lookup
/// allocated. Here a value that is not merged further stays the parsed <see cref="JsonElement"/> it came from; only the
/// objects that several records contribute to become nodes of their own.</para>
/// <para>The rule is <see cref="RecordMerge.Apply"/>'s, step for step: records are applied from the lowest priority to
/// the highest onto an empty object; a <c>null</c> of the applied record is no value; an object meeting an object
/// merges field by field; anything else replaces what was there, keeping the field's position; top-level
/// <c>identityMap</c>s are united by <c>id</c>, the newer record's entries first. <see cref="ToJsonObject"/> gives the
/// same data as <see cref="RecordMerge"/> would.</para>
/// </remarks>
public sealed class MergedRecord
{
    private readonly ObjectNode _root;

    private MergedRecord(ObjectNode root) => _root = root;

    /// <summary>Merges records given as UTF-8 JSON objects, lowest priority first.</summary>
    public static MergedRecord Merge(IEnumerable<ReadOnlyMemory<byte>> lowestFirst)
    {
        var root = new ObjectNode(4);
        foreach (var record in lowestFirst)
        {
            var element = JsonDocument.Parse(record).RootElement;
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidOperationException("A fragment's record must be a JSON object.");
            }

            MergeInto(root, element, topLevel: true);
        }

        return new MergedRecord(root);
    }

    /// <summary>Sets a top-level field to a value written by <paramref name="write"/> (kept in place when the records
    /// have the field already): the synthesized <c>identities</c> list.</summary>
    public void Set(string name, Action<Utf8JsonWriter> write) => _root.Set(name, new WrittenNode(write));

    /// <summary>Writes the merged object.</summary>
    public void WriteTo(Utf8JsonWriter writer) => _root.WriteTo(writer);

    /// <summary>The merged object as a JSON object model (for the callers that edit or project it).</summary>
    public JsonObject ToJsonObject()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteTo(writer);
        }

        return (JsonObject)JsonNode.Parse(buffer.WrittenSpan)!;
    }

    private static void MergeInto(ObjectNode target, JsonElement newer, bool topLevel)
    {
        foreach (var field in newer.EnumerateObject())
        {
            var value = field.Value;
            if (value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var name = field.Name;
            var at = target.IndexOf(name);
            var existing = at >= 0 ? target.ValueAt(at) : null;
            if (value.ValueKind == JsonValueKind.Object && existing is not null && existing.IsObject)
            {
                var obj = existing as ObjectNode ?? ObjectNode.Expand(((ElementNode)existing).Element);
                if (topLevel && name == RecordMerge.IdentityMapField)
                {
                    UniteIdentityMaps(obj, value);
                }
                else
                {
                    MergeInto(obj, value, topLevel: false);
                }

                target.SetAt(at, obj);
            }
            else
            {
                target.SetAt(at, name, new ElementNode(value));
            }
        }
    }

    /// <summary>Each namespace of <paramref name="newer"/> given as an array: its entries, then the older map's entries
    /// of that namespace (matched case-insensitively, keeping the older key), one per <c>id</c>.</summary>
    private static void UniteIdentityMaps(ObjectNode older, JsonElement newer)
    {
        foreach (var ns in newer.EnumerateObject())
        {
            if (ns.Value.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var at = older.IndexOf(ns.Name, StringComparison.OrdinalIgnoreCase);
            var merged = new ArrayNode();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in ns.Value.EnumerateArray())
            {
                Add(entry);
            }

            switch (at >= 0 ? older.ValueAt(at) : null)
            {
                case ArrayNode items:
                    foreach (var item in items.Items)
                    {
                        Add(item);
                    }

                    break;
                case ElementNode { Element.ValueKind: JsonValueKind.Array } array:
                    foreach (var entry in array.Element.EnumerateArray())
                    {
                        Add(entry);
                    }

                    break;
            }

            older.SetAt(at, at >= 0 ? older.NameAt(at) : ns.Name, merged);

            void Add(JsonElement entry)
            {
                if (entry.ValueKind != JsonValueKind.Null && (IdOf(entry) is not { } id || ids.Add(id)))
                {
                    merged.Items.Add(entry);
                }
            }
        }
    }

    private static string? IdOf(JsonElement entry) =>
        entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("id"u8, out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    /// <summary>A value of the merged tree.</summary>
    private abstract class Node
    {
        public virtual bool IsObject => false;

        public abstract void WriteTo(Utf8JsonWriter writer);
    }

    /// <summary>A value taken whole from one record.</summary>
    private sealed class ElementNode(JsonElement element) : Node
    {
        public JsonElement Element { get; } = element;

        public override bool IsObject => Element.ValueKind == JsonValueKind.Object;

        public override void WriteTo(Utf8JsonWriter writer) => Element.WriteTo(writer);
    }

    /// <summary>An object several records contribute to, its fields in the order they first appeared.</summary>
    private sealed class ObjectNode(int capacity) : Node
    {
        private readonly List<KeyValuePair<string, Node>> _fields = new(capacity);

        public override bool IsObject => true;

        /// <summary>The fields of a record's object, each taken whole (a <c>null</c> among them included, as the
        /// copy <see cref="RecordMerge"/> makes of a value keeps it).</summary>
        public static ObjectNode Expand(JsonElement obj)
        {
            var node = new ObjectNode(8);
            foreach (var field in obj.EnumerateObject())
            {
                node.SetAt(node.IndexOf(field.Name), field.Name, new ElementNode(field.Value));
            }

            return node;
        }

        public int IndexOf(string name, StringComparison comparison = StringComparison.Ordinal)
        {
            for (var i = 0; i < _fields.Count; i++)
            {
                if (string.Equals(_fields[i].Key, name, comparison))
                {
                    return i;
                }
            }

            return -1;
        }

        public Node ValueAt(int index) => _fields[index].Value;

        public string NameAt(int index) => _fields[index].Key;

        public void Set(string name, Node value) => SetAt(IndexOf(name), name, value);

        /// <summary>Replaces the value at <paramref name="index"/> keeping its name, which must be set.</summary>
        public void SetAt(int index, Node value) => _fields[index] = KeyValuePair.Create(_fields[index].Key, value);

        /// <summary>Replaces the value at <paramref name="index"/>, or appends the field when the index is negative.</summary>
        public void SetAt(int index, string name, Node value)
        {
            if (index >= 0)
            {
                _fields[index] = KeyValuePair.Create(name, value);
            }
            else
            {
                _fields.Add(KeyValuePair.Create(name, value));
            }
        }

        public override void WriteTo(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            foreach (var (name, value) in _fields)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }
    }

    /// <summary>An array made by the merge (a united <c>identityMap</c> namespace).</summary>
    private sealed class ArrayNode : Node
    {
        public List<JsonElement> Items { get; } = [];

        public override void WriteTo(Utf8JsonWriter writer)
        {
            writer.WriteStartArray();
            foreach (var item in Items)
            {
                item.WriteTo(writer);
            }

            writer.WriteEndArray();
        }
    }

    /// <summary>A value the caller writes.</summary>
    private sealed class WrittenNode(Action<Utf8JsonWriter> write) : Node
    {
        public override void WriteTo(Utf8JsonWriter writer) => write(writer);
    }
}

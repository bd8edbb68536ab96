namespace ProfilePlatform.Domain.Ingestion;

/// <summary>What kind of value an XDM field holds, as ingestion converts values (help/ingestion/batch-ingestion/api-overview.md,
/// "Types": string, byte, short, integer, long, double, date, date-time, object, map; plus boolean and array).</summary>
public enum IngestionFieldKind
{
    /// <summary>No type the converter knows (kept as sent; the validator decides).</summary>
    Any,
    String,
    Integer,
    Number,
    Boolean,
    Date,
    DateTime,
    Object,
    Map,
    Array,
}

/// <summary>One field of a composed schema as ingestion sees it: its kind, its integer range, and its children.</summary>
public sealed class IngestionField
{
    private readonly Dictionary<string, IngestionField> properties = new(StringComparer.Ordinal);

    public IngestionField(IngestionFieldKind kind, string? xdmType = null)
    {
        Kind = kind;
        XdmType = xdmType;
    }

    public IngestionFieldKind Kind { get; }

    /// <summary><c>meta:xdmType</c> (byte, short, int, long...), which narrows an integer's range.</summary>
    public string? XdmType { get; }

    /// <summary>An object's fields, in schema order.</summary>
    public IReadOnlyDictionary<string, IngestionField> Properties => properties;

    /// <summary>An array's items or a map's values.</summary>
    public IngestionField? Element { get; internal set; }

    /// <summary>Whether a field holds one value (no object, map or array below it).</summary>
    public bool IsScalar => Kind is not (IngestionFieldKind.Object or IngestionFieldKind.Map or IngestionFieldKind.Array);

    /// <summary>The inclusive range of an integer field (XDM: byte, short, int; long up to ±(2^53 − 1),
    /// help/xdm/schema/field-constraints.md).</summary>
    public (long Min, long Max) IntegerRange => XdmType switch
    {
        "byte" => (sbyte.MinValue, sbyte.MaxValue),
        "short" => (short.MinValue, short.MaxValue),
        "int" => (int.MinValue, int.MaxValue),
        _ => (-9007199254740991L, 9007199254740991L),
    };

    internal void Add(string name, IngestionField field) => properties[name] = field;
}

using System.Globalization;

namespace ProfilePlatform.Domain.Ingestion;

/// <summary>The header row of a CSV file mapped onto the dataset's schema: each column names one field that holds a single
/// value, as a path separated by <c>/</c> or <c>.</c> (see <see cref="IngestionSchema.Resolve"/>). CSV ingestion covers flat
/// data only (help/ingestion/batch-ingestion/troubleshooting.md, "Is CSV ingestion supported?").</summary>
public sealed class CsvHeader
{
    private CsvHeader(IReadOnlyList<string> names, IReadOnlyList<IngestionField> fields, CsvColumnTree tree)
    {
        Names = names;
        Fields = fields;
        Tree = tree;
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>The field of each column.</summary>
    public IReadOnlyList<IngestionField> Fields { get; }

    /// <summary>The columns arranged as the record's objects, to write records in one pass.</summary>
    public CsvColumnTree Tree { get; }

    /// <summary>The header mapped onto the schema; an <see cref="IngestionFileException"/> names every column that is not
    /// a single-value field of the schema (code <c>118</c> when the header row is empty).</summary>
    public static CsvHeader Map(IReadOnlyList<string> header, IngestionSchema schema)
    {
        var names = header.Select(h => h.Trim()).ToList();
        if (names.Count == 0 || names.All(n => n.Length == 0))
        {
            throw new IngestionFileException(IngestionErrorCodes.EmptyCsvHeader, "The CSV file contains an empty header row: its first line must name the schema fields of the columns.");
        }

        var fields = new List<IngestionField>();
        var paths = new List<IReadOnlyList<string>>();
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            var field = name.Length == 0 ? null : schema.Resolve(name, out var path);
            if (name.Length == 0)
            {
                problems.Add($"column {(i + 1).ToString(CultureInfo.InvariantCulture)} has no name");
            }
            else if (!seen.Add(name))
            {
                problems.Add($"'{Short(name)}' names a column twice");
            }
            else if (field is null)
            {
                problems.Add($"'{Short(name)}' is not a field of the schema");
            }
            else if (!field.IsScalar)
            {
                problems.Add($"'{Short(name)}' is {(field.Kind == IngestionFieldKind.Array ? "an array" : "an object")}, not a field holding one value");
            }

            fields.Add(field ?? new IngestionField(IngestionFieldKind.Any));
            paths.Add(name.Contains('/', StringComparison.Ordinal) ? name.Split('/') : name.Split('.'));
        }

        if (problems.Count > 0)
        {
            throw new IngestionFileException(
                IngestionErrorCodes.HeaderMismatch,
                $"The CSV header does not match the dataset's schema: {string.Join("; ", problems.Take(10))}{(problems.Count > 10 ? $" (and {problems.Count - 10} more)" : "")}. "
                + "Name each column after a field of the schema, as a path such as person.name.firstName or _tenant/loyalty/points.");
        }

        return new CsvHeader(names, fields, CsvColumnTree.Build(paths));
    }

    private static string Short(string text) => text.Length <= 64 ? text : text[..64] + "...";
}

/// <summary>CSV columns arranged as nested objects: a node is either a column (a leaf) or an object of nodes.</summary>
public sealed class CsvColumnTree
{
    private CsvColumnTree(string name, int column)
    {
        Name = name;
        Column = column;
    }

    public string Name { get; }

    /// <summary>The column a leaf holds; -1 for an object.</summary>
    public int Column { get; }

    public List<CsvColumnTree> Children { get; } = [];

    public static CsvColumnTree Build(IReadOnlyList<IReadOnlyList<string>> paths)
    {
        var root = new CsvColumnTree("", -1);
        for (var column = 0; column < paths.Count; column++)
        {
            var node = root;
            var path = paths[column];
            for (var i = 0; i < path.Count; i++)
            {
                var last = i == path.Count - 1;
                var child = node.Children.FirstOrDefault(c => c.Name == path[i] && c.Column < 0 && !last);
                if (child is null)
                {
                    child = new CsvColumnTree(path[i], last ? column : -1);
                    node.Children.Add(child);
                }

                node = child;
            }
        }

        return root;
    }
}

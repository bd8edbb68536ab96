using System.Text.Json;
using ProfilePlatform.Domain.SchemaRegistry.Validation;

namespace ProfilePlatform.Domain.Ingestion;

/// <summary>What happens to one record: taken as it is, taken after converting values to their fields' types, or refused
/// with every problem named.</summary>
/// <remarks>A record <see cref="ConformanceFastPath"/> accepts is taken at once; any other is validated as it came by the
/// Schema Registry's validator, and only a record that breaks a type or format rule is then parsed and converted
/// (<see cref="RecordConverter"/>) and validated again, since a valid record needs no conversion. A record that is valid but
/// spans lines (multi-line JSON) is rewritten on one line, the form records are stored and downloaded in. Immutable and
/// thread-safe: records of one batch are checked in parallel.</remarks>
public sealed class RecordCheck(XdmRecordValidator validator, IngestionSchema schema, ConformanceFastPath? fastPath = null)
{
    public IngestionSchema Schema { get; } = schema;

    /// <summary>Every rule <paramref name="json"/> breaks as sent, without conversion (streaming's validation): none when the
    /// fast path or the validator accepts it.</summary>
    public IReadOnlyList<XdmRecordViolation> Violations(ReadOnlySpan<byte> json) =>
        fastPath is not null && fastPath.Accepts(json) ? [] : validator.Validate(json);

    public CheckedRecord Check(SourceRecord record)
    {
        if (!record.IsReadable)
        {
            return CheckedRecord.Refused(record.Problems);
        }

        var json = record.Json;
        if (fastPath is not null && fastPath.Accepts(json.Span))
        {
            return CheckedRecord.Accepted(SpansLines(json.Span) ? Compact(json) : json);
        }

        var violations = validator.Validate(json.Span);
        if (violations.Count == 0)
        {
            return CheckedRecord.Accepted(SpansLines(json.Span) ? Compact(json) : json);
        }

        if (violations.Any(v => v.Kind == XdmViolationKind.Malformed) || !violations.Any(v => v.Kind is XdmViolationKind.Type or XdmViolationKind.Format))
        {
            return CheckedRecord.Refused(Problems(violations));
        }

        using var document = JsonDocument.Parse(json);
        var conversion = new List<RowProblem>();
        var converted = RecordConverter.Convert(document.RootElement, Schema, conversion);
        if (converted is null)
        {
            conversion.AddRange(Problems(violations.Where(v => v.Kind is not (XdmViolationKind.Type or XdmViolationKind.Format))));
            return CheckedRecord.Refused(conversion);
        }

        var remaining = validator.Validate(converted);
        return remaining.Count == 0 ? CheckedRecord.Accepted(converted) : CheckedRecord.Refused(Problems(remaining));
    }

    private static bool SpansLines(ReadOnlySpan<byte> json) => json.IndexOfAny((byte)'\n', (byte)'\r') >= 0;

    private static byte[] Compact(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        return RecordConverter.Compact(document.RootElement);
    }

    private static List<RowProblem> Problems(IEnumerable<XdmRecordViolation> violations) => [.. violations.Select(IngestionErrorCodes.ProblemOf)];
}

/// <summary>The outcome of <see cref="RecordCheck.Check"/>: the record to store (one line of JSON), or its problems.</summary>
public readonly record struct CheckedRecord(bool IsAccepted, ReadOnlyMemory<byte> Json, IReadOnlyList<RowProblem> Problems)
{
    public static CheckedRecord Accepted(ReadOnlyMemory<byte> json) => new(true, json, []);

    public static CheckedRecord Refused(IReadOnlyList<RowProblem> problems) => new(false, ReadOnlyMemory<byte>.Empty, problems);
}

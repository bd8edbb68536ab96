using System.Globalization;
using ProfilePlatform.Domain.Catalog;

namespace ProfilePlatform.Domain.Ingestion;

/// <summary>What processing a batch counted: files, bytes, records read, taken and refused, refusals per error code, and
/// files that could not be read at all. Turned into the batch's final status, metrics and errors by <see cref="Verdict"/>.</summary>
public sealed class IngestionTally
{
    private readonly Dictionary<string, long> rowErrors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> profileErrors = new(StringComparer.Ordinal);
    private readonly List<BatchError> fileErrors = [];

    public int InputFileCount { get; private set; }

    public long InputByteSize { get; private set; }

    public long InputRecordCount { get; private set; }

    public long OutputRecordCount { get; private set; }

    public long FailedRecordCount { get; private set; }

    /// <summary>Refused records per row error code (a record counts once, under its first problem's code).</summary>
    public IReadOnlyDictionary<string, long> RowErrors => rowErrors;

    /// <summary>Records the dataset kept but Identity Service or Profile could not take whole, per row code
    /// (<see cref="IngestionErrorCodes.IsProfileRowCode"/>; a record counts once per code).</summary>
    public IReadOnlyDictionary<string, long> ProfileErrors => profileErrors;

    public IReadOnlyList<BatchError> FileErrors => fileErrors;

    public void AddFile(long bytes)
    {
        InputFileCount++;
        InputByteSize += bytes;
    }

    public void Add(CheckedRecord record)
    {
        InputRecordCount++;
        if (record.IsAccepted)
        {
            OutputRecordCount++;
            return;
        }

        FailedRecordCount++;
        var code = record.Problems.Count > 0 ? record.Problems[0].Code : IngestionErrorCodes.RowInvalid;
        rowErrors[code] = rowErrors.GetValueOrDefault(code) + 1;
    }

    /// <summary>Counts a written record that a record sink reported a problem with (its status is unchanged).</summary>
    public void AddProfileError(string rowCode) => profileErrors[rowCode] = profileErrors.GetValueOrDefault(rowCode) + 1;

    public void AddFileError(string file, string code, string message) =>
        fileErrors.Add(new BatchError(code, $"File '{file}': {message}"));

    /// <summary>The batch's final status, metrics and errors under <paramref name="policy"/>.</summary>
    public BatchVerdict Verdict(IngestionPolicy policy)
    {
        var succeeded = fileErrors.Count == 0 && InputFileCount > 0 && policy.Tolerates(FailedRecordCount, InputRecordCount);
        var metrics = new BatchMetrics(InputFileCount, InputByteSize, InputRecordCount, succeeded ? OutputRecordCount : 0, FailedRecordCount);
        var errors = new List<BatchError>(fileErrors);
        if (FailedRecordCount > 0)
        {
            if (succeeded)
            {
                errors.Add(new BatchError(
                    IngestionErrorCodes.PartialSummary,
                    $"Encountered {Count(FailedRecordCount)} errors in the data. Successfully ingested {Count(OutputRecordCount)} rows. Please review the associated diagnostic files for more details."));
            }
            else if (fileErrors.Count == 0 && policy.PartialPercent is { } percent and > 0)
            {
                errors.Add(new BatchError(
                    IngestionErrorCodes.PartialSummary,
                    $"Encountered {Count(FailedRecordCount)} errors in the data, more than the {percent.ToString(CultureInfo.InvariantCulture)}% of {Count(InputRecordCount)} rows the batch tolerates: no rows were ingested. Please review the associated diagnostic files for more details."));
            }

            if (policy.Diagnostics)
            {
                errors.AddRange(rowErrors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e =>
                    new BatchError(IngestionErrorCodes.BatchCodeOf(e.Key), IngestionErrorCodes.Describe(e.Key), e.Value)));
            }
            else
            {
                errors.Add(new BatchError(
                    IngestionErrorCodes.ErrorsWithoutDiagnostics,
                    "Encountered errors while parsing, converting or otherwise validating the data. Please resend the data with error diagnostics enabled to collect additional information on failure types"));
            }
        }

        if (succeeded)
        {
            // The records are in the dataset; say what Identity Service and Profile could not take, whatever the diagnostics.
            errors.AddRange(profileErrors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e =>
                new BatchError(IngestionErrorCodes.BatchCodeOf(e.Key), IngestionErrorCodes.Describe(e.Key), e.Value)));
        }

        return new BatchVerdict(succeeded, metrics, errors);
    }

    private static string Count(long n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>How a processed batch ends: success or failed, with the metrics and errors Catalog shows.</summary>
public sealed record BatchVerdict(bool Succeeded, BatchMetrics Metrics, IReadOnlyList<BatchError> Errors);

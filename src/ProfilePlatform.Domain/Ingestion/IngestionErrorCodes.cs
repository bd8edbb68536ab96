using ProfilePlatform.Domain.SchemaRegistry.Validation;

namespace ProfilePlatform.Domain.Ingestion;

/// <summary>The error codes batch ingestion reports on a batch (<c>errors[].code</c>) and in its row error files.</summary>
/// <remarks>Documented (help/ingestion/quality/error-diagnostics.md, help/ingestion/batch-ingestion/troubleshooting.md):
/// <c>INGEST-1212-400</c> (summary of a partially ingested batch), <c>INGEST-1211-400</c> (errors, diagnostics off),
/// <c>INGEST-1401-400</c> (a row that cannot be read or parsed), <c>INGEST-1555-400</c> (a required field missing or
/// null), <c>106</c> (an empty file), <c>118</c> (a CSV file with an empty header row). AEP documents no code for a row
/// that parses but breaks another rule of its schema (type, format, enum, pattern, range, unknown field) or for a file
/// that cannot be read at all; the platform uses <c>INGEST-1501-400</c>, <c>INGEST-1402-400</c> and
/// <c>INGEST-1403-400</c> for those [unverified], <c>INGEST-1213-400</c> for a batch its producer failed (<c>action=FAIL</c>), and
/// <c>INGEST-1500-500</c> when processing failed on the platform's side.</remarks>
public static class IngestionErrorCodes
{
    public const string PartialSummary = "INGEST-1212-400";
    public const string ErrorsWithoutDiagnostics = "INGEST-1211-400";
    public const string CorruptedRow = "INGEST-1401-400";
    public const string RequiredMissing = "INGEST-1555-400";
    public const string SchemaViolation = "INGEST-1501-400";
    public const string UnreadableFile = "INGEST-1402-400";
    public const string HeaderMismatch = "INGEST-1403-400";
    public const string EmptyFile = "106";
    public const string EmptyCsvHeader = "118";
    public const string ProcessingFailed = "INGEST-1500-500";
    public const string ProducerFailed = "INGEST-1213-400";

    /// <summary>The row error codes (the middle number of the batch code, as AEP's row error files write them).</summary>
    public const string RowCorrupted = "1401";
    public const string RowRequired = "1555";
    public const string RowInvalid = "1501";

    /// <summary>Row code: an identity problem made Identity Service and Profile skip the record (it stays in the dataset)
    /// [unverified: AEP documents the guardrail, not a code].</summary>
    public const string RowProfileSkipped = "1601";

    /// <summary>Row code: one identity of the record was dropped; the record went on without it [unverified].</summary>
    public const string RowIdentityDropped = "1602";

    /// <summary>Row code: the record's identities were linked but Profile could not store it (no primary identity, an
    /// event without <c>_id</c> or <c>timestamp</c>) [unverified].</summary>
    public const string RowNotInProfile = "1603";

    /// <summary>Batch code summarising <see cref="RowProfileSkipped"/> rows [unverified].</summary>
    public const string ProfileSkipped = "INGEST-1601-400";

    /// <summary>Batch code summarising <see cref="RowIdentityDropped"/> rows [unverified].</summary>
    public const string IdentityDropped = "INGEST-1602-400";

    /// <summary>Batch code summarising <see cref="RowNotInProfile"/> rows [unverified].</summary>
    public const string NotInProfile = "INGEST-1603-400";

    /// <summary>Whether a row code is a Profile/identity problem of a record the dataset kept (not a refused row).</summary>
    public static bool IsProfileRowCode(string rowCode) => rowCode is RowProfileSkipped or RowIdentityDropped or RowNotInProfile;

    /// <summary>The batch error code of a row error code.</summary>
    public static string BatchCodeOf(string rowCode) => rowCode switch
    {
        RowCorrupted => CorruptedRow,
        RowRequired => RequiredMissing,
        RowProfileSkipped => ProfileSkipped,
        RowIdentityDropped => IdentityDropped,
        RowNotInProfile => NotInProfile,
        _ => SchemaViolation,
    };

    /// <summary>What the batch's <c>errors</c> say for each row error code (the documented sentences where AEP has one).</summary>
    public static string Describe(string rowCode) => rowCode switch
    {
        RowCorrupted => "The row has corrupted data and cannot be read or parsed. Fix the corrupted data and try again.",
        RowRequired => "A required field is either missing or has a value of null. Add the required field to the input row and try again.",
        RowProfileSkipped => "Records were written to the dataset but skipped by Identity Service and Profile because of an identity problem (see the row errors' profile_errors file). Fix the identities and ingest the records again.",
        RowIdentityDropped => "Records were written to the dataset, but one of their identities was not used by Identity Service and Profile (see the row errors' profile_errors file).",
        RowNotInProfile => "Records were written to the dataset and their identities linked, but Profile could not store them: a primary identity (or an event's _id and timestamp) is missing (see the row errors' profile_errors file).",
        _ => "The row has a value its schema does not accept (type, format, enum, pattern, range or a field the schema does not define). Fix the value and try again.",
    };

    /// <summary>The row error of a schema violation.</summary>
    public static RowProblem ProblemOf(XdmRecordViolation violation) => new(
        violation.Kind switch
        {
            XdmViolationKind.Malformed => RowCorrupted,
            XdmViolationKind.Required => RowRequired,
            _ => RowInvalid,
        },
        violation.Keyword,
        violation.Path,
        violation.Message);
}

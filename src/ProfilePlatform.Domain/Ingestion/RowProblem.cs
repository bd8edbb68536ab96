namespace ProfilePlatform.Domain.Ingestion;

/// <summary>One reason a row (record) of a file was not ingested: its AEP row error code, the rule it breaks, the field
/// as a JSON pointer (empty for the row itself), and a sentence naming the field and the fix.</summary>
/// <param name="Code">The short code AEP's row error files carry (<c>1401</c>: the row cannot be read; <c>1555</c>: a
/// required field is missing; see <see cref="IngestionErrorCodes"/>).</param>
/// <param name="Keyword">The JSON Schema keyword (<c>type</c>, <c>required</c>, <c>format</c>...), or <c>syntax</c>.</param>
/// <param name="Path">JSON pointer of the field, e.g. <c>/person/name/firstName</c>.</param>
/// <param name="Message">What is wrong.</param>
public sealed record RowProblem(string Code, string Keyword, string Path, string Message);

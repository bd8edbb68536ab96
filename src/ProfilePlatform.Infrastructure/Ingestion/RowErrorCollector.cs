using System.Text.Json;
using ProfilePlatform.Domain.Ingestion;

namespace ProfilePlatform.Infrastructure.Ingestion;

/// <summary>The refused rows of a batch kept for its row error files, up to a limit (the batch's counts stay exact).</summary>
internal sealed class RowErrorCollector(int limit)
{
    private const int MaxRawChars = 64 * 1024;

    public List<RowErrorRecord> Rows { get; } = [];

    public void Add(string imsOrg, string sandbox, string batchId, string file, long row, IReadOnlyList<RowProblem> problems, string raw)
    {
        if (Rows.Count >= limit)
        {
            return;
        }

        Rows.Add(new RowErrorRecord
        {
            ImsOrg = imsOrg,
            Sandbox = sandbox,
            BatchId = batchId,
            Sequence = Rows.Count + 1,
            FileName = file,
            RowNumber = row,
            Code = problems.Count > 0 ? problems[0].Code : IngestionErrorCodes.RowInvalid,
            Problems = JsonSerializer.Serialize(problems.Select(p => new { code = p.Code, keyword = p.Keyword, path = p.Path, message = p.Message })),
            Raw = raw.Length <= MaxRawChars ? raw : raw[..MaxRawChars],
        });
    }
}

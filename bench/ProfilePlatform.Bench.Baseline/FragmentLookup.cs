using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Npgsql;

/// <summary>The baseline of the entity-lookup pair (bench/run.sh pair d): one point SELECT of a profile fragment by
/// (org, sandbox, primary XID) from the platform's own <c>profile_fragments</c> table, the record returned as JSON.
/// It computes the XID as the platform does (SHA-256 of the upper-cased namespace, a newline and the value; the first
/// 22 bytes, base64url), so both servers read the same rows through the same index.</summary>
internal static class FragmentLookup
{
    private const string FindSql =
        "SELECT dataset_id, record FROM profile_fragments WHERE ims_org = $1 AND sandbox = $2 AND primary_xid = $3";

    public static async Task<FragmentRow?> FindAsync(NpgsqlDataSource db, string org, string sandbox, string ns, string id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(FindSql);
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = org });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sandbox });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Xid(ns, id) });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new FragmentRow(reader.GetString(0), reader.GetString(1)) : null;
    }

    private static string Xid(string ns, string id)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(ns.ToUpperInvariant() + "\n" + id), hash);
        return Base64Url.EncodeToString(hash[..22]);
    }
}

/// <summary>A fragment as the baseline returns it (the record as stored, as a JSON string).</summary>
internal sealed record FragmentRow(
    [property: JsonPropertyName("datasetId")] string DatasetId,
    [property: JsonPropertyName("record")] string Record);

using System.Globalization;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Identity;

namespace ProfilePlatform.Domain.Profile.Preview;

/// <summary>Profile's preview sample status and its reports (profile.yaml <c>/ups/previewsamplestatus</c>,
/// help/profile/api/preview-sample-status.md), computed from the stored fragments and identity graphs when asked.</summary>
/// <remarks>
/// <para>AEP samples periodically and keeps dated reports; the platform counts every profile on request, so the "sample" is
/// the whole store (<c>numRowsToRead</c> = <c>totalRows</c>, <c>samplingRatio</c> 1.0, <c>sampleCount</c> =
/// <c>fullIDsCount</c>), no sample job is ever running, and a report exists for the current day (UTC) only: another
/// <c>date</c> is a 404 as for a day without a report [unverified].</para>
/// <para>Merged profiles: fragments grouped by identity graph (the graph of their primary identity); event data of one
/// primary identity in one dataset is one fragment. A profile counts under a namespace when its graph (or its fragments'
/// primary identities) has an identity of it. The doc's string fields carry JSON-encoded strings
/// (<c>"docCount": "\"300803\""</c>, <c>"lastBatchId": "\"null\""</c>), as the guide and the spec show them.</para>
/// </remarks>
public sealed class PreviewSampleStatusService(IProfileSampleSource source, IDatasetStore datasets, IIdentityNamespaceCatalog namespaces, TimeProvider clock)
{
    /// <summary><c>GET /previewsamplestatus</c>.</summary>
    public async Task<JsonObject> StatusAsync(CancellationToken ct)
    {
        var sample = await ProfileSample.TakeAsync(source, ct);
        var now = SampleTime(clock.GetUtcNow());
        var profiles = Text(sample.Profiles);
        return new JsonObject
        {
            ["numRowsToRead"] = profiles,
            ["sampleJobRunning"] = new JsonObject { ["status"] = false, ["submissionTimestamp"] = now },
            ["docCount"] = Quoted(Text(sample.Documents)),
            ["cosmosDocCount"] = Quoted(Text(sample.Documents)),
            ["totalFragmentCount"] = sample.Fragments,
            ["lastSuccessfulBatchTimestamp"] = Quoted(sample.LastIngestion is { } last ? Text(last.At.ToUnixTimeMilliseconds()) : "null"),
            ["streamingDriven"] = Quoted("false"),
            ["totalRows"] = profiles,
            ["lastBatchId"] = Quoted(sample.LastIngestion?.BatchId ?? "null"),
            ["status"] = "TASK_FINISHED",
            ["samplingRatio"] = 1.0,
            ["lastSampledTimestamp"] = now,
        };
    }

    /// <summary><c>GET /previewsamplestatus/report/dataset?date=</c>: merged profiles per dataset, most first.</summary>
    public async Task<JsonObject> DatasetReportAsync(string? date, CancellationToken ct)
    {
        var at = ReportTime(date);
        var sample = await ProfileSample.TakeAsync(source, ct);
        var known = (await datasets.FindManyAsync([.. sample.ProfilesByDataset.Keys], ct)).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var data = new JsonArray();
        foreach (var (id, count) in sample.ProfilesByDataset.OrderByDescending(d => d.Value).ThenBy(d => d.Key, StringComparer.Ordinal))
        {
            known.TryGetValue(id, out var dataset);
            data.Add(new JsonObject
            {
                ["sampleCount"] = count,
                ["samplePercentage"] = Ratio(count, sample.Profiles),
                ["fullIDsCount"] = count,
                ["fullIDsPercentage"] = Ratio(count, sample.Profiles),
                ["name"] = dataset?.Name ?? "",
                ["description"] = dataset?.Description ?? "",
                ["value"] = id,
                ["streamingIngestionEnabled"] = "",
                ["createdUser"] = dataset?.CreatedUser ?? "",
                ["reportTimestamp"] = at,
            });
        }

        return new JsonObject { ["data"] = data, ["reportTimestamp"] = at };
    }

    /// <summary><c>GET /previewsamplestatus/report/namespace?date=</c>: merged profiles and fragments per namespace, most first.</summary>
    public async Task<JsonObject> NamespaceReportAsync(string? date, CancellationToken ct)
    {
        var at = ReportTime(date);
        var sample = await ProfileSample.TakeAsync(source, ct);
        var data = new JsonArray();
        foreach (var (code, (profiles, fragments)) in sample.ByNamespace.OrderByDescending(n => n.Value.Profiles).ThenBy(n => n.Key, StringComparer.Ordinal))
        {
            var ns = await namespaces.FindByCodeAsync(code, ct);
            data.Add(new JsonObject
            {
                ["sampleCount"] = profiles,
                ["samplePercentage"] = Ratio(profiles, sample.Profiles),
                ["reportTimestamp"] = at,
                ["fullIDsFragmentCount"] = fragments,
                ["fullIDsCount"] = profiles,
                ["fullIDsPercentage"] = Ratio(profiles, sample.Profiles),
                ["code"] = ns?.Code ?? code,
                ["value"] = ns is null ? "" : Text(ns.Id),
            });
        }

        return new JsonObject { ["data"] = data, ["reportTimestamp"] = at };
    }

    /// <summary>The report's timestamp: now, when <paramref name="date"/> is absent or today (UTC).</summary>
    private string ReportTime(string? date)
    {
        var now = clock.GetUtcNow();
        if (date is not null)
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                throw new AepException(ErrorCatalog.ProfileSystemJobs.InvalidReportDate, $"date '{(date.Length <= 40 ? date : date[..40] + "…")}' is not a date in the form YYYY-MM-DD, e.g. date=2024-12-31.");
            }

            if (day != DateOnly.FromDateTime(now.UtcDateTime))
            {
                throw new AepException(ErrorCatalog.ProfileSystemJobs.ReportNotFound, $"No report exists for {date}: reports are computed for the current day (UTC); leave out date for the latest one.");
            }
        }

        return now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);
    }

    private static string SampleTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.f", CultureInfo.InvariantCulture);

    private static double Ratio(long part, long whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 6);

    private static string Text(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Quoted(string text) => "\"" + text + "\"";
}

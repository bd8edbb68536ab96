using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Domain.Profile.Preview;

namespace ProfilePlatform.Api.Features.Profile;

/// <summary>Profile preview sample status (profile.yaml <c>/ups/previewsamplestatus</c>,
/// help/profile/api/preview-sample-status.md): the profile count and its distribution by dataset and by identity namespace,
/// computed from the Profile store when asked.</summary>
[ApiController]
[Route("data/core/ups/previewsamplestatus")]
[AepService(AepErrorFormat.Profile)]
[Tags("Real-Time Customer Profile")]
public sealed class PreviewSampleStatusController(PreviewSampleStatusService preview) : ControllerBase
{
    [HttpGet]
    public Task<JsonObject> Status(CancellationToken ct) => preview.StatusAsync(ct);

    [HttpGet("report/dataset")]
    public Task<JsonObject> Datasets([FromQuery] string? date, CancellationToken ct) => preview.DatasetReportAsync(date, ct);

    [HttpGet("report/namespace")]
    public Task<JsonObject> Namespaces([FromQuery] string? date, CancellationToken ct) => preview.NamespaceReportAsync(date, ct);
}

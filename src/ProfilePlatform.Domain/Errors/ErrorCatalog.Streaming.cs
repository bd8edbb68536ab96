namespace ProfilePlatform.Domain.Errors;

public static partial class ErrorCatalog
{
    /// <summary>Errors of streaming collection (<c>/collection/...</c>, AEP's Data Collection Service on dcs.adobedc.net), written
    /// in DCS's problem shape <c>{"type","status","title","report":{"message"}}</c> (help/ingestion/quality/streaming-validation.md,
    /// help/sources/tutorials/api/create/streaming/http.md appendix). DCS bodies carry no code: the <c>DCS-</c> codes here are the platform's own names for the entries and never reach the wire.</summary>
    public static class Streaming
    {
        /// <summary>A message DCS cannot read: not JSON, no header or body, missing or mismatching header fields.</summary>
        public static readonly AepError InvalidMessage = new("DCS-1400-400", 400, "Invalid XDM Message Format");

        /// <summary>No inlet with that id exists [unverified: AEP's status for an unknown inlet; 400 would also be plausible].</summary>
        public static readonly AepError UnknownInlet = new("DCS-1404-404", 404, "Inlet Not Found");

        /// <summary>An authenticated inlet called without a token (streaming-multiple-messages.md appendix: 401).</summary>
        public static readonly AepError TokenMissing = new("DCS-1401-401", 401, "Authorization");

        /// <summary>An authenticated inlet called with an invalid or expired token, or one of another organization (403).</summary>
        public static readonly AepError TokenInvalid = new("DCS-1403-403", 403, "Authorization");

        /// <summary>A request body over 1 MB (streaming-ingestion.yaml 413 "The payload is larger than 1 MB").</summary>
        public static readonly AepError PayloadTooLarge = new("DCS-1413-413", 413, "Payload Too Large");

        /// <summary>A body in a media type DCS does not read here (JSON only; Smile is not supported by this platform).</summary>
        public static readonly AepError UnsupportedMediaType = new("DCS-1415-415", 415, "Unsupported Media Type");
    }

    /// <summary>Errors of the Flow Service slice (<c>/data/foundation/flowservice</c>), codes from
    /// help/sources/errors/flow-service-errors.md (1100-400 invalid request, 1101-404 not found, 1405-400 empty body) with the
    /// <c>FLOW-</c> prefix [unverified: the prefix on the wire].</summary>
    public static class FlowService
    {
        public static readonly AepError InvalidRequest = new("FLOW-1100-400", 400, "Invalid request");

        public static readonly AepError NotFound = new("FLOW-1101-404", 404, "Resource not found");

        public static readonly AepError EmptyBody = new("FLOW-1405-400", 400, "Invalid request");
    }
}

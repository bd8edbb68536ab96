namespace ProfilePlatform.Domain.Errors;

public static partial class ErrorCatalog
{
    /// <summary>Errors of Batch Ingestion (<c>/data/foundation/import</c>) and Data Access (<c>/data/foundation/export</c>),
    /// in AEP's generic problem shape.</summary>
    /// <remarks>batch-ingestion.yaml and data-access.yaml declare their 400/404/413/415 responses with no body, and the
    /// ingestion docs show none; the generic <c>/placeholder/type/uri</c> body (help/landing/troubleshooting.md) is the
    /// one AEP sends from any service, so both use it, as Catalog does [unverified]. The wire code is the status.
    /// Overlapping or missing chunks of a large file are a 400 (help/ingestion/batch-ingestion/troubleshooting.md).</remarks>
    public static class Ingestion
    {
        /// <summary>A request Batch Ingestion cannot accept: bad body, bad file name, a file of another dataset.</summary>
        public static readonly AepError InvalidRequest = new("400", 400, "BadRequestError", AepErrorKind.Generic);

        /// <summary>The batch is not in a status that allows the action (a file after COMPLETE, COMPLETE after ABORT...).</summary>
        public static readonly AepError BatchNotLoading = new("400", 400, "BadRequestError", AepErrorKind.Generic);

        /// <summary>An uploaded file cannot be read in the batch's format (not JSON, CSV header not in the schema, no
        /// Parquet footer), or a large file's chunks overlap or leave gaps.</summary>
        public static readonly AepError InvalidFile = new("400", 400, "BadRequestError", AepErrorKind.Generic);

        /// <summary>Unknown batch, dataset, file or path in this sandbox.</summary>
        public static readonly AepError NotFound = new("404", 404, "NotFoundError", AepErrorKind.Generic);

        /// <summary>A file or part larger than the upload allows (256 MB for PUT, 512,000,000 bytes per PATCH).</summary>
        public static readonly AepError TooLarge = new("413", 413, "PayloadTooLargeError", AepErrorKind.Generic);

        /// <summary>A <c>Range</c> the file cannot satisfy (Data Access partial download).</summary>
        public static readonly AepError RangeNotSatisfiable = new("416", 416, "RangeNotSatisfiableError", AepErrorKind.Generic);
    }
}

namespace ProfilePlatform.Domain.Errors;

public static partial class ErrorCatalog
{
    /// <summary>Errors of Profile's system jobs and preview sample status (profile.yaml <c>/ups/system/jobs</c>,
    /// <c>/ups/previewsamplestatus</c>), sent in Profile's body. profile.yaml documents the statuses (400 invalid request,
    /// 404 unknown job or report date, 422 "Request already exists") without bodies; the record-batch message is the one AEP
    /// answers (aep-behaviour-profile.md §4.2). Codes in the platform's UPS-NNNN-STATUS form, all [unverified].</summary>
    public static class ProfileSystemJobs
    {
        /// <summary>A body that is not an object, or names neither <c>dataSetId</c> nor <c>batchId</c>, or ids that disagree.</summary>
        public static readonly AepError InvalidRequest = new("UPS-1100-400", 400, "Invalid delete request");

        /// <summary>The batch does not exist in the sandbox.</summary>
        public static readonly AepError BatchNotFound = new("UPS-1101-400", 400, "Unknown batch");

        /// <summary>A batch of a record (non time-series) dataset: "Batch can only be specified for EE type".</summary>
        public static readonly AepError RecordBatch = new("UPS-1102-400", 400, "Batch can only be specified for EE type");

        /// <summary>An active (NEW or PROCESSING) request for the same dataset or batch exists.</summary>
        public static readonly AepError AlreadyExists = new("UPS-1103-422", 422, "Request already exists");

        public static readonly AepError JobNotFound = new("UPS-1104-404", 404, "Delete request not found");

        /// <summary>A list parameter that cannot be applied (start, page, limit, sort).</summary>
        public static readonly AepError InvalidQuery = new("UPS-1105-400", 400, "Invalid query parameter");

        /// <summary>A preview report <c>date</c> that is not YYYY-MM-DD.</summary>
        public static readonly AepError InvalidReportDate = new("UPS-1106-400", 400, "Invalid report date");

        /// <summary>No preview report exists for the date asked (reports are computed for the current day only).</summary>
        public static readonly AepError ReportNotFound = new("UPS-1107-404", 404, "Report does not exist for this date");
    }
}

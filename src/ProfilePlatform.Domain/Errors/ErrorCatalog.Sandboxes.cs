namespace ProfilePlatform.Domain.Errors;

public static partial class ErrorCatalog
{
    /// <summary>Errors of the Sandbox Management service (SMS).</summary>
    /// <remarks>Source: help/sandboxes/api/sandboxes.md shows SMS bodies <c>{"status","title","type":".../SMS-2074-400"}</c>
    /// for reset refusals (2074-2077). The codes below for the other cases are [unverified] choices of this
    /// platform in the same numbering; docs/adr/0004-gateway-and-errors.md lists them.</remarks>
    public static class Sandboxes
    {
        public static readonly AepError InvalidRequest = new("SMS-1000-400", 400, "Invalid sandbox request");
        public static readonly AepError InvalidName = new("SMS-1001-400", 400, "Invalid sandbox name");
        public static readonly AepError InvalidType = new("SMS-1002-400", 400, "Invalid sandbox type");
        public static readonly AepError InvalidTitle = new("SMS-1003-400", 400, "Invalid sandbox title");
        public static readonly AepError InvalidAction = new("SMS-1004-400", 400, "Invalid sandbox action");
        public static readonly AepError DefaultNotDeletable = new("SMS-1005-400", 400, "Default sandbox cannot be deleted");
        public static readonly AepError LimitReached = new("SMS-1006-400", 400, "Sandbox limit reached");
        public static readonly AepError NotActive = new("SMS-1007-400", 400, "Sandbox is not active");
        public static readonly AepError NotFound = new("SMS-1404-404", 404, "Sandbox not found");
        public static readonly AepError AlreadyExists = new("SMS-1409-409", 409, "Sandbox already exists");
    }
}

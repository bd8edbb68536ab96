namespace ProfilePlatform.Infrastructure.Ingestion;

/// <summary>The processing job of one completed batch, claimed by a worker of any node (<c>IngestionJobQueue</c>).</summary>
/// <remarks>System row: the queue is read by workers that act for no request, across every organization and sandbox, so it
/// carries its tenant as plain columns the worker sets its tenancy from, like <c>signing_keys</c> carries none.</remarks>
public sealed class IngestionJobRecord
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";

    public string Id { get; set; } = "";

    public string ImsOrg { get; set; } = "";

    public string Sandbox { get; set; } = "";

    public string BatchId { get; set; } = "";

    /// <summary><see cref="Queued"/>, <see cref="Running"/> or <see cref="Done"/>.</summary>
    public string State { get; set; } = Queued;

    /// <summary>Claims so far; a claim past the limit fails the batch instead of processing it again.</summary>
    public int Attempts { get; set; }

    /// <summary>The worker holding the job while <see cref="State"/> is running.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>When (epoch ms) a running job whose worker stopped answering may be claimed again.</summary>
    public long LeaseExpires { get; set; }

    /// <summary>When (epoch ms) a queued job may be claimed (later after a failed attempt).</summary>
    public long AvailableAt { get; set; }

    public long Created { get; set; }

    public long Updated { get; set; }

    /// <summary>Why the last attempt failed, if one did.</summary>
    public string? LastError { get; set; }
}

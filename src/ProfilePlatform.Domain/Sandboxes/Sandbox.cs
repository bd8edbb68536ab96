using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Sandboxes;

/// <summary>An AEP sandbox: an isolated partition of one organization's data, addressed by name.</summary>
/// <remarks>A sandbox has nothing to provision here, so creation and reset finish inside the request and the
/// stored state is <c>active</c> when the 202 is sent. Deleted sandboxes stay readable with state
/// <c>deleted</c>, as in AEP, and their name can be used again.</remarks>
public sealed class Sandbox : IOrgOwned
{
    public const int MaxTitleLength = 256;

    private Sandbox()
    {
    }

    public Guid Id { get; private set; }

    public string ImsOrg { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Title { get; private set; } = "";

    public SandboxType Type { get; private set; }

    public SandboxState State { get; private set; }

    public string Region { get; private set; } = "";

    public bool IsDefault { get; private set; }

    /// <summary>Version of the sandbox record, incremented by every change.</summary>
    public int ETag { get; private set; }

    public DateTimeOffset CreatedDate { get; private set; }

    public DateTimeOffset LastModifiedDate { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public string ModifiedBy { get; private set; } = "";

    public bool IsLive => State != SandboxState.Deleted;

    public static Sandbox Create(string imsOrg, string name, string? title, string? type, string region, string by, DateTimeOffset now)
    {
        SandboxName.Validate(name);
        ValidateTitle(title);
        var parsedType = SandboxWireNames.ParseType(type)
            ?? throw new AepException(
                ErrorCatalog.Sandboxes.InvalidType,
                $"Field 'type' value '{type}' is not a sandbox type: use 'development' or 'production'.");

        return new Sandbox
        {
            Id = Guid.NewGuid(),
            ImsOrg = imsOrg,
            Name = name,
            Title = title!,
            Type = parsedType,
            State = SandboxState.Active,
            Region = region,
            IsDefault = false,
            ETag = 1,
            CreatedDate = now,
            LastModifiedDate = now,
            CreatedBy = by,
            ModifiedBy = by,
        };
    }

    /// <summary>The production sandbox <c>prod</c> every organization has.</summary>
    public static Sandbox CreateDefault(string imsOrg, string region, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        ImsOrg = imsOrg,
        Name = SandboxName.Default,
        Title = "Production",
        Type = SandboxType.Production,
        State = SandboxState.Active,
        Region = region,
        IsDefault = true,
        ETag = 1,
        CreatedDate = now,
        LastModifiedDate = now,
        CreatedBy = "system",
        ModifiedBy = "system",
    };

    public void Retitle(string? title, string by, DateTimeOffset now)
    {
        EnsureLive();
        ValidateTitle(title);
        Title = title!;
        Touch(by, now);
    }

    /// <summary>Records a reset; the caller wipes the sandbox's data in the same transaction.</summary>
    public void Reset(string by, DateTimeOffset now)
    {
        EnsureLive();
        State = SandboxState.Active;
        Touch(by, now);
    }

    /// <summary>Records a deletion; the caller wipes the sandbox's data in the same transaction.</summary>
    public void Delete(string by, DateTimeOffset now)
    {
        if (IsDefault)
        {
            throw new AepException(ErrorCatalog.Sandboxes.DefaultNotDeletable, $"Sandbox '{Name}' is the default production sandbox of the organization and cannot be deleted.");
        }

        EnsureLive();
        State = SandboxState.Deleted;
        Touch(by, now);
    }

    private void EnsureLive()
    {
        if (!IsLive)
        {
            throw new AepException(ErrorCatalog.Sandboxes.NotActive, $"Sandbox '{Name}' has been deleted: create it again with POST /sandboxes.");
        }
    }

    private void Touch(string by, DateTimeOffset now)
    {
        ETag++;
        LastModifiedDate = now;
        ModifiedBy = by;
    }

    private static void ValidateTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new AepException(ErrorCatalog.Sandboxes.InvalidTitle, "Field 'title' is required: give the sandbox a display title such as 'Acme Dev'.");
        }

        if (title.Length > MaxTitleLength)
        {
            throw new AepException(ErrorCatalog.Sandboxes.InvalidTitle, $"Field 'title' is {title.Length} characters long: use at most {MaxTitleLength}.");
        }
    }
}

namespace ProfilePlatform.Domain.Profile.Entities;

/// <summary>The <c>schema.name</c> values the entities API serves (help/profile/api/entities.md): merged profiles of
/// the XDM Individual Profile class and, related to them, the time series of the XDM ExperienceEvent class. The B2B
/// classes profile.yaml lists (<c>_xdm.context.account</c>, <c>_xdm.context.opportunity</c>) have no store here.</summary>
public static class EntitySchemas
{
    public const string Profile = "_xdm.context.profile";

    public const string ExperienceEvent = "_xdm.context.experienceevent";
}

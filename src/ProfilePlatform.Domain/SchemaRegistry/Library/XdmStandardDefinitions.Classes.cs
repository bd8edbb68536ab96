namespace ProfilePlatform.Domain.SchemaRegistry.Library;

internal static partial class XdmStandardDefinitions
{
    private static IEnumerable<XdmResourceDefinition> Classes =>
    [
        Class(Profile, "XDM Individual Profile", "data/record", """
            personID  string  Person ID
            """) with
        {
            Includes = ["common/auditable"],
            Description = "Attributes and interests of an identified or partially identified individual.",
        },

        Class(ExperienceEvent, "XDM ExperienceEvent", "data/time-series", """
            eventMergeId  string  ExperienceEvent merge ID
            """) with
        {
            Includes = ["context/identitymap"],
            Description = "A time-stamped fact about what an individual did or what happened to them.",
        },
        Class("context/account", "XDM Business Account", "data/record", """
            accountID  string  Account identifier
            """) with { Description = "A business account (B2B): the organization a set of people belong to." },
    ];
}

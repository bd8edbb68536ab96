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
    ];
}

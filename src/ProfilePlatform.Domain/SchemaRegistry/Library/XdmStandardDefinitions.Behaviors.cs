namespace ProfilePlatform.Domain.SchemaRegistry.Library;

internal static partial class XdmStandardDefinitions
{
    private static IEnumerable<XdmResourceDefinition> Behaviors =>
    [
        Behavior("data/record", "Record Schema", """
            _id  uri-reference  Identifier
            """) with { Description = "Record behavior: the data describes the attributes of a subject." },

        Behavior("data/time-series", "Time-series Schema", """
            _id        uri-reference  Identifier
            timestamp  date-time      Timestamp
            eventType  string         Event Type
            """) with { Description = "Time-series behavior: the data records something that happened at a point in time." },

        Behavior("data/adhoc", "Ad Hoc Schema", "") with
        {
            Description = "Ad hoc behavior: fields local to one schema, such as a dataset ingested from a CSV file.",
        },
    ];
}

namespace ProfilePlatform.Domain.Profile.Ingestion;

/// <summary>What a Profile-enabled dataset's records become: attribute fragments (record classes such as XDM
/// Individual Profile) or time-series events (XDM ExperienceEvent and other time-series classes).</summary>
public enum ProfileDataKind
{
    /// <summary>Record data: each record updates the fragment of its primary identity.</summary>
    Record,

    /// <summary>Time-series data: each record is an experience event, appended.</summary>
    ExperienceEvent,
}

/// <summary>Maps a schema's class to <see cref="ProfileDataKind"/>.</summary>
public static class ProfileDataKinds
{
    /// <summary>The XDM ExperienceEvent class (<c>meta:class</c> of event schemas).</summary>
    public const string ExperienceEventClass = "https://ns.adobe.com/xdm/context/experienceevent";

    /// <summary>The kind of a schema of class <paramref name="classId"/>: events for the ExperienceEvent class, records
    /// otherwise. A custom class built on the time-series behaviour is also event data; the caller, who knows the
    /// class's behaviour, passes <see cref="ProfileDataKind.ExperienceEvent"/> for it.</summary>
    public static ProfileDataKind ForClass(string? classId) =>
        string.Equals(classId, ExperienceEventClass, StringComparison.Ordinal) ? ProfileDataKind.ExperienceEvent : ProfileDataKind.Record;
}

namespace ProfilePlatform.Domain.SchemaRegistry.Library;

internal static partial class XdmStandardDefinitions
{
    private static IEnumerable<XdmResourceDefinition> FieldGroups =>
    [
        FieldGroup("context/identitymap", "IdentityMap", [Profile, ExperienceEvent], """
            identityMap  map<@context/identityitem[]>  Identity map
            """) with { Description = "Identities of the individual keyed by identity namespace code." },

        FieldGroup("context/profile-person-details", "Demographic Details", [Profile], """
            person  @context/person  Person
            """) with { Description = "Name, gender, birth date and similar demographics of an individual." },

        FieldGroup("context/profile-personal-details", "Personal Contact Details", [Profile], """
            homeAddress    @common/address        Home address
            personalEmail  @context/emailaddress  Personal email
            homePhone      @context/phonenumber   Home phone
            mobilePhone    @context/phonenumber   Mobile phone
            faxPhone       @context/phonenumber   Fax phone
            """) with { Description = "Personal postal address, email and phone numbers of an individual." },
    ];
}

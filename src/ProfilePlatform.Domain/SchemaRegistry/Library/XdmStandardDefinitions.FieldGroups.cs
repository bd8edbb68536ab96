namespace ProfilePlatform.Domain.SchemaRegistry.Library;

internal static partial class XdmStandardDefinitions
{
    private static IEnumerable<XdmResourceDefinition> FieldGroups =>
    [
        FieldGroup("context/identitymap", "IdentityMap", [Profile, ExperienceEvent], """
            identityMap  map<@context/identityitem[]>  Identity map
            """) with { Description = "Identities of the individual keyed by identity namespace code." },

        // Profile field groups
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

        FieldGroup("context/profile-work-details", "Work Contact Details", [Profile], """
            workAddress    @common/address        Work Address
            workEmail      @context/emailaddress  Work Email
            workPhone      @context/phonenumber   Work Phone
            organizations  string[]               Organizations
            """) with { Description = "Work address, email, phone and organizations of an individual." },

        FieldGroup("mixins/profile/profile-loyalty-details", "Loyalty Details", [Profile], """
            loyalty                                        object     Loyalty
            loyalty.loyaltyID                              string[]   Program ID
            loyalty.program                                string     Program Name
            loyalty.joinDate                               date-time  Program Join Date
            loyalty.status                                 string     Status
            loyalty.tier                                   string     Tier
            loyalty.tierExpiryDate                         date-time  Tier Expiry Date
            loyalty.upgradeDate                            string     Upgrade Date
            loyalty.points                                 number     Program Points Balance
            loyalty.pointsRedeemed                         number     Points Redeemed
            loyalty.pointsExpiration                       object[]   Points Expiration
            loyalty.pointsExpiration.pointsExpiring        number     Points Expiring
            loyalty.pointsExpiration.pointsExpirationDate  date-time  Points Expiration Date
            loyalty.lifetimePoints                         number     Lifetime Points
            """) with { Description = "Membership of a loyalty program: program, tier, status and points." },

        // ExperienceEvent field groups
        FieldGroup("context/experienceevent-web", "Web Details", [ExperienceEvent], """
            web  @context/webinfo  Web
            """) with { Description = "The web page, link and referrer of a web interaction." },

        FieldGroup("context/experienceevent-commerce", "Commerce Details", [ExperienceEvent], """
            productListItems  @content/productlistitem[]  Product list items
            commerce          @context/commerce           Commerce
            """) with { Description = "Products involved in an event and the cart or order step it represents." },
    ];
}

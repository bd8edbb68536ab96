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

        FieldGroup("mixins/profile-consents", "Consents and Preferences", [Profile], """
            consents                             object                                 Consents and Preferences
            consents.collect                     object                                 Data Collection
            consents.collect.val                 enum(y|n|p|u|LI|CT|CP|VI|PI)           Choice Value
            consents.share                       object                                 Share Data
            consents.share.val                   enum(y|n|p|u|LI|CT|CP|VI|PI)           Choice Value
            consents.adID                        object                                 Use Advertiser ID
            consents.adID.val                    enum(y|n|p|u|LI|CT|CP|VI|PI)           Choice Value
            consents.personalize                 object                                 Personalization Preferences
            consents.personalize.content         object                                 Personalize Content
            consents.personalize.content.val     enum(y|n|p|u|LI|CT|CP|VI|PI)           Choice Value
            consents.marketing                   object                                 Marketing Preferences
            consents.marketing.preferred         enum(email|push|inApp|sms|phone|phyMail|inVehicle|inHome|iot|social|other|none|unknown)  Preferred Channel
            consents.marketing.any               object                                 General Direct Marketing Preference
            consents.marketing.any.val           enum(y|n|p|u|LI|CT|CP|VI|PI)           Choice Value
            consents.marketing.any.time          date-time                              Preference timestamp
            consents.marketing.any.reason        string                                 Opt-out reason
            consents.marketing.email             object                                 Receive email
            consents.marketing.email.val         enum(y|n|p|u|LI|CT|CP|VI|PI)           Choice Value
            consents.marketing.email.time        date-time                              Preference timestamp
            consents.marketing.email.reason      string                                 Opt-out reason
            consents.marketing.push              object                                 Receive push notifications
            consents.marketing.push.val          enum(y|n|p|u|LI|CT|CP|VI|PI)           Choice Value
            consents.marketing.push.time         date-time                              Preference timestamp
            consents.marketing.push.reason       string                                 Opt-out reason
            consents.marketing.sms               object                                 Receive SMS
            consents.marketing.sms.val           enum(y|n|p|u|LI|CT|CP|VI|PI)           Choice Value
            consents.marketing.sms.time          date-time                              Preference timestamp
            consents.marketing.sms.reason        string                                 Opt-out reason
            consents.metadata                    object                                 Consent and Preference Metadata
            consents.metadata.time               date-time                              Consent/Preferences timestamp
            """) with { Description = "The individual's choices on data collection, sharing, personalization and marketing." },

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

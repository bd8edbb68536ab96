namespace ProfilePlatform.Domain.SchemaRegistry.Library;

internal static partial class XdmStandardDefinitions
{
    private static IEnumerable<XdmResourceDefinition> DataTypes =>
    [
        DataType("common/auditable", "Audit trail", """
            repositoryCreatedBy       string         Created by user identifier
            repositoryLastModifiedBy  string         Modified by user identifier
            createdByBatchID          uri-reference  Created by batch identifier
            modifiedByBatchID         uri-reference  Modified by batch identifier
            _repo                     object         Repository metadata
            _repo.createDate          date-time      Create date
            _repo.modifyDate          date-time      Modify date
            """) with { Description = "Who created and last modified a record, and through which batches, and when the repository stored it." },

        DataType("context/identityitem", "Identity item", """
            id                  string                                           Identifier
            authenticatedState  enum(ambiguous|authenticated|loggedOut)  Authenticated state
            primary             boolean                                          Primary
            """) with { Description = "One identity of an individual within an identity namespace." },

        DataType("context/person", "Person", """
            name              @context/person-name                                     Full name
            birthDate         date                                                     Birth date
            birthDayAndMonth  string                                                   Birth date
            birthYear         short                                                    Birth year
            gender            enum(male|female|not_specified|non_specific)             Gender
            maritalStatus     enum(married|single|divorced|widowed|not_specified)      Marital Status
            nationality       string                                                   Nationality
            taxId             string                                                   Tax ID
            """) with { Description = "An individual, in whatever role (customer, contact, owner)." },

        DataType("context/person-name", "Person name", """
            firstName      string  First name
            middleName     string  Middle name
            lastName       string  Last name
            fullName       string  Full name
            courtesyTitle  string  Courtesy title
            suffix         string  Suffix
            """) with { Description = "The parts of a person's name." },

        DataType("context/emailaddress", "Email address", """
            primary       boolean  Primary
            address       email    Address
            label         string   Label
            type          string   Type
            status        string   Status
            statusReason  string   Status reason
            """) with { Description = "An email address and its usability." },

        DataType("context/phonenumber", "Phone number", """
            primary       boolean  Primary
            number        string   Number
            extension     string   Extension
            status        string   Status
            statusReason  string   Status reason
            validity      string   Validity
            """) with { Description = "A phone number and its usability." },

        DataType("common/address", "Postal address", """
            primary           boolean  Primary
            label             string   Label
            street1           string   Street 1
            street2           string   Street 2
            street3           string   Street 3
            street4           string   Street 4
            city              string   City
            region            string   Region
            stateProvince     string   State or province
            state             string   State
            postalCode        string   Postal code
            postOfficeBox     string   Post office box
            country           string   Country
            countryCode       string   Country code
            status            string   Status
            statusReason      string   Status reason
            lastVerifiedDate  date     Last verified date
            """) with { Description = "A postal address, with the geographic fields it shares with the Geo data type." },
    ];
}

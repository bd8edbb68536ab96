namespace ProfilePlatform.Domain.SchemaRegistry.Library;

internal static partial class XdmStandardDefinitions
{
    /// <summary>Data types used by the ExperienceEvent field groups.</summary>
    private static IEnumerable<XdmResourceDefinition> EventDataTypes =>
    [
        DataType("data/measure", "Measure", """
            id     string  Unique Identifier
            value  number  Value
            """) with { Description = "A counted occurrence: an optional id and a value (1 for a single occurrence)." },

        DataType("context/webinfo", "Web information", """
            webPageDetails              object         Web page details
            webPageDetails.siteSection  string         Site section
            webPageDetails.name         string         Name
            webPageDetails.viewName     string         View Name
            webPageDetails.URL          string         URL
            webPageDetails.server       string         Server
            webPageDetails.isErrorPage  boolean        Is error page
            webPageDetails.isHomePage   boolean        Is home page
            webPageDetails.pageViews    @data/measure  Page Views
            webInteraction              object         Web interaction
            webInteraction.type         enum(download|exit|other)  Type
            webInteraction.URL          string         URL
            webInteraction.name         string         Name
            webInteraction.linkClicks   @data/measure  Link Clicks
            webReferrer                 object         Web referrer
            webReferrer.URL             string         URL
            webReferrer.type            enum(internal|external|search_engine|typed_bookmarked|email|social|unknown|usenet)  Type
            """) with { Description = "The page, link and referrer of a web interaction." },

        DataType("context/commerce", "Commerce", """
            order                 @data/order    Order
            promotionID           string         Promotion ID
            cartAbandons          @data/measure  Cart Abandons
            checkouts             @data/measure  Checkouts
            productListAdds       @data/measure  Product List Adds
            productListOpens      @data/measure  Product List Opens
            productListRemovals   @data/measure  Product List Removals
            productListReopens    @data/measure  Product List Reopens
            productListViews      @data/measure  Product List Views
            productViews          @data/measure  Product Views
            purchases             @data/measure  Purchases
            saveForLaters         @data/measure  Save For Laters
            inStorePurchase       @data/measure  In-store Purchase
            """) with { Description = "Cart and order steps of a buying activity, each counted as a measure." },

        DataType("data/order", "Order", """
            purchaseID           string              Purchase ID
            purchaseOrderNumber  string              Purchase Order Number
            payments             @data/paymentitem[] Payment List
            currencyCode         string              Currency
            priceTotal           number              Price Total
            """) with { Description = "An order placed for a list of products." },

        DataType("data/paymentitem", "Payment Item", """
            transactionID  string  Transaction ID
            paymentAmount  number  Payment Amount
            paymentType    string  Payment Type
            currencyCode   string  Currency Code
            """) with { Description = "One payment of an order: method, amount and currency." },

        DataType("content/productlistitem", "Product list item", """
            SKU               string         SKU
            _id               uri-reference  Line item ID.
            product           uri            Product
            name              string         Name
            productAddMethod  string         Product add method
            currencyCode      string         Currency code
            quantity          int            Quantity
            priceTotal        number         Price total
            """) with { Description = "A product as selected by a customer, with the price and quantity at that time." },
    ];
}

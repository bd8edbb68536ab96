using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.SchemaRegistry.Descriptors;

namespace ProfilePlatform.Domain.Tests.SchemaRegistry.Descriptors;

public sealed class XdmDescriptorQueryTests
{
    private static readonly JsonObject[] Descriptors =
    [
        D("a1", "xdm:descriptorIdentity", "https://ns.adobe.com/acme/schemas/1", 300, primary: true),
        D("b2", "xdm:descriptorIdentity", "https://ns.adobe.com/acme/schemas/2", 100, primary: false),
        D("c3", "xdm:alternateDisplayInfo", "https://ns.adobe.com/acme/schemas/1", 100, primary: null),
        D("d4", "xdm:descriptorOneToOne", "https://ns.adobe.com/acme/schemas/2", 100, primary: null),
        D("e5", "xdm:descriptorIdentity", "https://ns.adobe.com/acme/schemas/1", 2000, primary: false),
    ];

    [Fact]
    public void Filter_TypeAndSchema_AreAnded()
    {
        // Arrange
        var sut = XdmDescriptorQuery.Parse(null, null, null, ["@type==xdm:descriptorIdentity", "xdm:sourceSchema==https://ns.adobe.com/acme/schemas/1"]);

        // Act
        var ids = Ids(sut.Filter(Descriptors));

        // Assert
        Assert.Equal(["a1", "e5"], ids);
    }

    [Fact]
    public void Filter_CommaSeparatedInOneParameter_IsAndedToo()
    {
        // Arrange: how aepp sends a type and a schema filter
        var sut = XdmDescriptorQuery.Parse(null, null, null, ["@type==xdm:descriptorIdentity,xdm:sourceSchema==https://ns.adobe.com/acme/schemas/2"]);

        // Act / Assert
        Assert.Equal(["b2"], Ids(sut.Filter(Descriptors)));
    }

    [Theory]
    [InlineData("xdm:isPrimary==true", new[] { "a1" })]
    [InlineData("xdm:isPrimary", new[] { "a1", "b2", "e5" })]
    [InlineData("@type!=xdm:descriptorIdentity", new[] { "c3", "d4" })]
    public void Filter_BooleansExistenceAndNotEqual(string filter, string[] expected)
    {
        // Arrange
        var sut = XdmDescriptorQuery.Parse(null, null, null, [filter]);

        // Act / Assert
        Assert.Equal(expected, Ids(sut.Filter(Descriptors)));
    }

    [Theory]
    [InlineData("created>5")]
    [InlineData("a=b")]
    public void Parse_UnsupportedFilter_Returns400(string filter)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => XdmDescriptorQuery.Parse(null, null, null, [filter]));

        // Assert
        Assert.Equal(400, ex.Error.Status);
        Assert.Contains(filter, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title", null)]
    [InlineData(null, "501")]
    [InlineData(null, "-1")]
    public void Parse_UnsupportedOrderOrLimit_Returns400(string? orderBy, string? limit)
    {
        // Act / Assert
        Assert.Equal(400, Assert.Throws<AepException>(() => XdmDescriptorQuery.Parse(orderBy, null, limit, [])).Error.Status);
    }

    [Fact]
    public void Page_ById_WalksEveryDescriptorOnce()
    {
        // Arrange
        var seen = new List<string>();
        string? start = null;

        // Act
        do
        {
            var (page, next) = XdmDescriptorQuery.Parse(null, start, "2", []).Page(Descriptors);
            seen.AddRange(Ids(page));
            start = next;
        }
        while (start is not null);

        // Assert
        Assert.Equal(["a1", "b2", "c3", "d4", "e5"], seen);
    }

    [Fact]
    public void Page_ByCreated_SortsNumericallyAndNeverSplitsEqualValues()
    {
        // Arrange: three descriptors were created at 100; a page of 2 must not end between them
        var seen = new List<string>();
        var pages = 0;
        string? start = null;

        // Act
        do
        {
            var (page, next) = XdmDescriptorQuery.Parse("created", start, "2", []).Page(Descriptors);
            seen.AddRange(Ids(page));
            start = next;
            pages++;
        }
        while (start is not null && pages < 10);

        // Assert
        Assert.Equal(["b2", "c3", "d4", "a1", "e5"], seen);
    }

    [Fact]
    public void Page_Descending_GivesNextAsTheLastValue()
    {
        // Act
        var (page, next) = XdmDescriptorQuery.Parse("-@id", null, "2", []).Page(Descriptors);

        // Assert
        Assert.Equal(["e5", "d4"], Ids(page));
        Assert.Equal("d4", next);
    }

    private static JsonObject D(string id, string type, string schema, long created, bool? primary)
    {
        var d = new JsonObject { ["@id"] = id, ["@type"] = type, ["xdm:sourceSchema"] = schema, ["created"] = created };
        if (primary is { } p)
        {
            d["xdm:isPrimary"] = p;
        }

        return d;
    }

    private static List<string> Ids(IEnumerable<JsonObject> items) => items.Select(i => i["@id"]!.GetValue<string>()).ToList();
}

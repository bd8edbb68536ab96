using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.SchemaRegistry;

namespace ProfilePlatform.Domain.Tests.SchemaRegistry;

public sealed class XdmListQueryTests
{
    private static readonly JsonObject[] Items =
    [
        Item("Charlie", "https://x/profile"),
        Item("Alpha", "https://x/profile"),
        Item("Bravo", "https://x/event"),
    ];

    [Fact]
    public void Apply_Defaults_OrderByTitleAscending()
    {
        // Act
        var (page, next) = XdmListQuery.Parse(null, null, null, []).Apply(Items);

        // Assert
        Assert.Equal(["Alpha", "Bravo", "Charlie"], Titles(page));
        Assert.Null(next);
    }

    [Fact]
    public void Apply_LimitAndStart_WalksPagesByKeyset()
    {
        // Act
        var (first, next) = XdmListQuery.Parse("title", null, "2", []).Apply(Items);
        var (second, end) = XdmListQuery.Parse("title", next, "2", []).Apply(Items);

        // Assert
        Assert.Equal(["Alpha", "Bravo"], Titles(first));
        Assert.Equal("Bravo", next);
        Assert.Equal(["Charlie"], Titles(second));
        Assert.Null(end);
    }

    [Fact]
    public void Apply_DescendingWithPropertyFilter_SelectsAndSorts()
    {
        // Act
        var (page, _) = XdmListQuery.Parse("-title", null, null, ["meta:intendedToExtend==https://x/profile"]).Apply(Items);

        // Assert
        Assert.Equal(["Charlie", "Alpha"], Titles(page));
    }

    [Fact]
    public void Apply_NotEqualAndExistsFilters_AreAnded()
    {
        // Act
        var (page, _) = XdmListQuery.Parse(null, null, null, ["meta:intendedToExtend", "title!=Alpha"]).Apply(Items);

        // Assert
        Assert.Equal(["Bravo", "Charlie"], Titles(page));
    }

    [Theory]
    [InlineData("orderby", "size")]
    [InlineData("limit", "501")]
    [InlineData("limit", "x")]
    [InlineData("property", "title>=A")]
    public void Parse_UnsupportedValue_ThrowsNamingTheParameter(string parameter, string value)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => XdmListQuery.Parse(
            parameter == "orderby" ? value : null, null, parameter == "limit" ? value : null, parameter == "property" ? [value] : []).Apply(Items));

        // Assert
        Assert.Contains($"'{parameter}'", ex.Message, StringComparison.Ordinal);
    }

    private static JsonObject Item(string title, string intended) => new()
    {
        ["title"] = title,
        ["meta:intendedToExtend"] = new JsonArray(intended),
    };

    private static List<string> Titles(IEnumerable<JsonObject> page) => page.Select(p => p["title"]!.GetValue<string>()).ToList();
}

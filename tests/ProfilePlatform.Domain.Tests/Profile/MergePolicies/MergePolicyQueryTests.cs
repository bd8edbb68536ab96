using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Profile.MergePolicies;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Tests.Profile.MergePolicies;

public sealed class MergePolicyQueryTests
{
    private static readonly TenantKey Tenant = new("ORG@AdobeOrg", "dev");

    [Fact]
    public void Parse_Nothing_IsTwentyByNameFromZero()
    {
        // Act
        var query = MergePolicyQuery.Parse(Query());

        // Assert
        Assert.Equal((20, 0, "name"), (query.Limit, query.Start, query.OrderBy));
    }

    [Theory]
    [InlineData("name", "name")]
    [InlineData("+name", "name")]
    [InlineData(" name", "name")]
    [InlineData("-name", "-name")]
    [InlineData("-updateEpoch", "-updateEpoch")]
    public void Parse_OrderBy_AcceptsTheDocumentedForms(string sent, string expected)
    {
        // Act / Assert
        Assert.Equal(expected, MergePolicyQuery.Parse(Query(("orderBy", sent))).OrderBy);
        Assert.Equal(expected, MergePolicyQuery.Parse(Query(("orderby", sent))).OrderBy);
    }

    [Fact]
    public void Apply_FiltersSortsAndPages_WithANextLinkKeepingTheFilters()
    {
        // Arrange
        var set = new MergePolicySet(Tenant, null, []);
        set.EnsureProvisioned("p0", DateTimeOffset.UnixEpoch);
        set.Create(new MergePolicyFields("b", MergePolicyWire.ProfileClass, "none", "timestampOrdered", [], false, false), "p1", DateTimeOffset.UnixEpoch);
        set.Create(new MergePolicyFields("a", MergePolicyWire.ProfileClass, "none", "timestampOrdered", [], false, false), "p2", DateTimeOffset.UnixEpoch);
        set.Create(new MergePolicyFields("c", MergePolicyWire.ProfileClass, "none", "timestampOrdered", [], false, false), "p3", DateTimeOffset.UnixEpoch);
        var query = MergePolicyQuery.Parse(Query(("identityGraph.type", "none"), ("orderBy", "-name"), ("limit", "2")));

        // Act
        var (page, total) = query.Apply(set.Policies);

        // Assert
        Assert.Equal(3, total);
        Assert.Equal(["p3", "p1"], page.Select(p => p.Id));
        Assert.Equal("@/mergePolicies?start=2&orderBy=-name&limit=2&identityGraph.type=none", query.NextHref(page.Count, total));
        Assert.Equal("", MergePolicyQuery.Parse(Query(("start", "2"), ("limit", "2"))).NextHref(1, 3));
    }

    [Theory]
    [InlineData("limit", "0")]
    [InlineData("limit", "101")]
    [InlineData("start", "x")]
    [InlineData("default", "1")]
    [InlineData("version", "-1")]
    [InlineData("orderBy", "schema")]
    [InlineData("attributeMerge.type", "DataSetPrecedence")]
    public void Parse_BadValue_ThrowsInvalidQuery(string name, string value)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => MergePolicyQuery.Parse(Query((name, value))));

        // Assert
        Assert.Same(ErrorCatalog.Profile.InvalidQuery, ex.Error);
        Assert.Contains(name, ex.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, IReadOnlyList<string>> Query(params (string Name, string Value)[] pairs) =>
        pairs.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(p => p.Value)]);
}

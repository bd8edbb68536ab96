using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Profile.MergePolicies;

namespace ProfilePlatform.Domain.Tests.Profile.MergePolicies;

public sealed class MergePolicyQueryTests
{

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
        var set = new SandboxMergePolicies(null, []);
        set.EnsureProvisioned(() => Policy("p0", "Default", IdentityGraphTypes.Pdg) with { Default = true }, 0);
        set.Add(Policy("p1", "b"), 0);
        set.Add(Policy("p2", "a"), 0);
        set.Add(Policy("p3", "c"), 0);
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

    [Fact]
    public void Apply_EqualNames_KeepTheStoresCreationOrder()
    {
        // Arrange
        MergePolicy[] policies = [Policy("z", "same"), Policy("a", "same"), Policy("m", "same")];

        // Act
        var (page, _) = MergePolicyQuery.Parse(Query()).Apply(policies);

        // Assert
        Assert.Equal(["z", "a", "m"], page.Select(p => p.Id));
    }

    private static MergePolicy Policy(string id, string name, string graph = IdentityGraphTypes.None) =>
        MergePolicy.Create(id, "ORG@AdobeOrg", new MergePolicySandbox("s", "prod", "production", true), new MergePolicyDraft(name, MergePolicy.ProfileClass, graph, AttributeMerge.TimestampOrdered, false, false), 0);

    private static Dictionary<string, IReadOnlyList<string>> Query(params (string Name, string Value)[] pairs) =>
        pairs.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(p => p.Value)]);
}

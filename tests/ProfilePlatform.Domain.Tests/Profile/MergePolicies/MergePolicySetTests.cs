using ProfilePlatform.Domain.Profile.MergePolicies;
using static ProfilePlatform.Domain.Tests.Profile.MergePolicies.MergePolicyTestData;

namespace ProfilePlatform.Domain.Tests.Profile.MergePolicies;

public sealed class MergePolicySetTests
{
    private const long Now = 1700000000;

    [Fact]
    public void Add_NewDefault_OldDefaultOfTheSameClassUnsetAndUpdated()
    {
        // Arrange
        var systemDefault = Policy("sys", isDefault: true);
        var accountDefault = Policy("acc", isDefault: true, schema: "_xdm.context.account");
        var sut = new MergePolicySet([systemDefault, accountDefault, Policy("other")]);

        // Act
        var saved = sut.Add(Policy("new", isDefault: true, graph: IdentityGraphTypes.Pdg), Now);

        // Assert
        Assert.Equal(["new", "sys"], saved.Select(p => p.Id));
        var demoted = saved[1];
        Assert.False(demoted.Default);
        Assert.Equal(2, demoted.Version);
        Assert.Equal(Now, demoted.UpdateEpoch);
        Assert.Equal("new", sut.DefaultFor(MergePolicy.ProfileClass)!.Id);
        Assert.Equal("acc", sut.DefaultFor("_xdm.context.account")!.Id);
        Assert.Single(sut.Policies, p => p.Default && p.SchemaName == MergePolicy.ProfileClass);
        Assert.Equal(4, sut.Policies.Count);
    }

    [Fact]
    public void Add_NotDefault_NothingElseChanges()
    {
        // Arrange
        var sut = new MergePolicySet([Policy("sys", isDefault: true)]);

        // Act
        var saved = sut.Add(Policy("new"), Now);

        // Assert
        Assert.Equal(["new"], saved.Select(p => p.Id));
        Assert.Equal("sys", sut.DefaultFor(MergePolicy.ProfileClass)!.Id);
    }

    [Fact]
    public void Add_SixthPolicy_LimitReached()
    {
        // Arrange
        var sut = new MergePolicySet(Enumerable.Range(0, 5).Select(i => Policy($"p{i}")));

        // Act
        var ex = Assert.Throws<MergePolicyRuleException>(() => sut.Add(Policy("p5"), Now));

        // Assert
        Assert.Equal(MergePolicyRule.LimitReached, ex.Rule);
        Assert.Contains("5 merge policies", ex.Message, StringComparison.Ordinal);
        Assert.Equal(5, sut.Policies.Count);
    }

    [Fact]
    public void Add_SecondPolicyActiveOnEdge_Refused()
    {
        // Arrange
        var sut = new MergePolicySet([Policy("edge", onEdge: true)]);

        // Act
        var ex = Assert.Throws<MergePolicyRuleException>(() => sut.Add(Policy("new", onEdge: true), Now));

        // Assert
        Assert.Equal(MergePolicyRule.ActiveOnEdgeTaken, ex.Rule);
        Assert.Contains("edge", ex.Message, StringComparison.Ordinal);
        Assert.Single(sut.Policies);
    }

    [Fact]
    public void Replace_TheEdgePolicyItself_Allowed_AnotherOne_Refused()
    {
        // Arrange
        var edge = Policy("edge", onEdge: true);
        var other = Policy("other");
        var sut = new MergePolicySet([edge, other]);

        // Act
        var saved = sut.Replace(edge.Update(edge.ToDraft() with { Name = "still edge" }, Now), Now);
        var ex = Assert.Throws<MergePolicyRuleException>(() => sut.Replace(other.Update(other.ToDraft() with { IsActiveOnEdge = true }, Now), Now));

        // Assert
        Assert.Equal("still edge", Assert.Single(saved).Name);
        Assert.Equal(MergePolicyRule.ActiveOnEdgeTaken, ex.Rule);
        Assert.False(sut.Policies.Single(p => p.Id == "other").IsActiveOnEdge);
    }

    [Fact]
    public void Replace_MakeDefault_DemotesTheOldDefault_AndUnsettingTheOnlyDefaultIsAllowed()
    {
        // Arrange
        var sys = Policy("sys", isDefault: true);
        var mine = Policy("mine");
        var sut = new MergePolicySet([sys, mine]);

        // Act
        var promoted = sut.Replace(mine.Update(mine.ToDraft() with { Default = true }, Now), Now);
        var current = sut.Policies.Single(p => p.Id == "mine");
        var unset = sut.Replace(current.Update(current.ToDraft() with { Default = false }, Now + 1), Now + 1);

        // Assert
        Assert.Equal(["mine", "sys"], promoted.Select(p => p.Id));
        Assert.Single(unset);
        Assert.Null(sut.DefaultFor(MergePolicy.ProfileClass));
    }

    [Fact]
    public void Replace_UnknownPolicy_Throws()
    {
        // Act / Assert
        Assert.Throws<InvalidOperationException>(() => new MergePolicySet([]).Replace(Policy("ghost"), Now));
    }

    [Fact]
    public void EnsureDeletable_ActiveOnEdge_Refused()
    {
        // Act
        var ex = Assert.Throws<MergePolicyRuleException>(() => MergePolicySet.EnsureDeletable(Policy("edge", onEdge: true)));

        // Assert
        Assert.Equal(MergePolicyRule.ActiveOnEdgeNotDeletable, ex.Rule);
        MergePolicySet.EnsureDeletable(Policy("plain", isDefault: true));
    }
}

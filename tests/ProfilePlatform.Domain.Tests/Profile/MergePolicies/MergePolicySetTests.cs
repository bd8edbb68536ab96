using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Profile.MergePolicies;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Tests.Profile.MergePolicies;

public sealed class MergePolicySetTests
{
    private static readonly TenantKey Tenant = new("ORG@AdobeOrg", "dev");
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);
    private readonly MergePolicySet _sut = new(Tenant, null, []);

    public MergePolicySetTests() => _sut.EnsureProvisioned("system", Now);

    [Fact]
    public void EnsureProvisioned_FirstUse_AddsTheSystemDefaultOnce()
    {
        // Act
        _sut.EnsureProvisioned("again", Now);

        // Assert
        var policy = Assert.Single(_sut.Policies);
        Assert.Equal(("system", "Default Timebased", MergePolicyWire.ProfileClass, "pdg", "timestampOrdered"), (policy.Id, policy.Name, policy.SchemaName, policy.IdentityGraph, policy.AttributeMerge));
        Assert.True(policy.IsDefault);
        Assert.False(policy.IsActiveOnEdge);
        Assert.Equal(1, policy.Version);
        Assert.Equal(Now.ToUnixTimeSeconds(), policy.UpdateEpoch);
        Assert.True(_sut.StateIsNew);
        Assert.Equal((Tenant.ImsOrg, Tenant.Sandbox), (policy.ImsOrg, policy.Sandbox));
    }

    [Fact]
    public void Create_NewDefault_ClearsTheClassesOldDefaultAndCountsItsVersion()
    {
        // Act
        var created = _sut.Create(Fields(isDefault: true), "p1", Now.AddMinutes(1));

        // Assert
        var system = _sut.Get("system");
        Assert.True(created.IsDefault);
        Assert.False(system.IsDefault);
        Assert.Equal(2, system.Version);
        Assert.Equal(Now.AddMinutes(1).ToUnixTimeSeconds(), system.UpdateEpoch);
        Assert.Same(created, _sut.DefaultFor(MergePolicyWire.ProfileClass));
    }

    [Fact]
    public void Create_DefaultOfAnotherClass_LeavesTheProfileDefault()
    {
        // Act
        _sut.Create(Fields(isDefault: true, schema: "_acme.classes.store"), "p1", Now);

        // Assert
        Assert.True(_sut.Get("system").IsDefault);
        Assert.Equal("p1", _sut.DefaultFor("_acme.classes.store")!.Id);
    }

    [Fact]
    public void Replace_NotDefaultAnyMore_LeavesTheClassWithoutDefault()
    {
        // Act
        var replaced = _sut.Replace("system", SystemFields() with { IsDefault = false }, Now);

        // Assert
        Assert.False(replaced.IsDefault);
        Assert.Equal(2, replaced.Version);
        Assert.Null(_sut.DefaultFor(MergePolicyWire.ProfileClass));
    }

    [Fact]
    public void Create_SixthPolicy_IsRefused()
    {
        // Arrange
        for (var i = 1; i < MergePolicyWire.MaxPolicies; i++)
        {
            _sut.Create(Fields(), $"p{i}", Now);
        }

        // Act
        var ex = Assert.Throws<AepException>(() => _sut.Create(Fields(), "p6", Now));

        // Assert
        Assert.Same(ErrorCatalog.Profile.MergePolicyLimit, ex.Error);
        Assert.Equal(MergePolicyWire.MaxPolicies, _sut.Policies.Count);
    }

    [Fact]
    public void ActiveOnEdge_OnePolicyOnly_AndItCannotBeDeleted()
    {
        // Arrange
        _sut.Create(Fields(onEdge: true), "edge", Now);
        _sut.Create(Fields(), "other", Now);

        // Act
        var second = Assert.Throws<AepException>(() => _sut.Replace("other", Fields(onEdge: true), Now));
        var delete = Assert.Throws<AepException>(() => _sut.Delete("edge"));
        _sut.Replace("edge", Fields(onEdge: true) with { Name = "renamed" }, Now); // itself: allowed

        // Assert
        Assert.Same(ErrorCatalog.Profile.EdgePolicyTaken, second.Error);
        Assert.Contains("edge", second.Message, StringComparison.Ordinal);
        Assert.Same(ErrorCatalog.Profile.ActiveOnEdgeNotDeletable, delete.Error);
        Assert.Contains(_sut.Policies, p => p.Id == "edge");
    }

    [Fact]
    public void Delete_Unknown_IsNotFound_Known_IsRemoved()
    {
        // Arrange
        _sut.Create(Fields(), "p1", Now);

        // Act
        var missing = Assert.Throws<AepException>(() => _sut.Delete("nope"));
        _sut.Delete("p1");

        // Assert
        Assert.Same(ErrorCatalog.Profile.MergePolicyNotFound, missing.Error);
        Assert.Equal(["p1"], _sut.Removed.Select(p => p.Id));
        Assert.DoesNotContain(_sut.Policies, p => p.Id == "p1");
    }

    [Fact]
    public void Replace_DatasetPrecedenceToTimestamp_KeepsNoOrder()
    {
        // Arrange
        _sut.Create(Fields() with { AttributeMerge = "dataSetPrecedence", Order = ["d1"] }, "p1", Now);

        // Act
        var replaced = _sut.Replace("p1", Fields(), Now);

        // Assert
        Assert.Empty(replaced.Order);
    }

    private static MergePolicyFields Fields(bool isDefault = false, bool onEdge = false, string schema = MergePolicyWire.ProfileClass) =>
        new("Policy", schema, "none", "timestampOrdered", [], isDefault, onEdge);

    private static MergePolicyFields SystemFields() => MergePolicySet.SystemDefault;
}

using ProfilePlatform.Domain.Sandboxes;

namespace ProfilePlatform.Domain.Tests.Sandboxes;

public sealed class SandboxWireNamesTests
{
    [Theory]
    [InlineData(SandboxState.Creating, "creating")]
    [InlineData(SandboxState.Active, "active")]
    [InlineData(SandboxState.Deleting, "deleting")]
    [InlineData(SandboxState.Resetting, "resetting")]
    [InlineData(SandboxState.Deleted, "deleted")]
    [InlineData(SandboxState.Failed, "failed")]
    public void ToWire_State_IsLowerCaseAepName(SandboxState state, string expected)
    {
        // Act
        var wire = state.ToWire();

        // Assert
        Assert.Equal(expected, wire);
    }

    [Fact]
    public void ToWire_EveryState_IsCovered()
    {
        // Act
        var wires = Enum.GetValues<SandboxState>().Select(s => s.ToWire()).ToList();

        // Assert
        Assert.Equal(wires.Count, wires.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ToWire_UndefinedState_ThrowsArgumentOutOfRange()
    {
        // Act / Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => ((SandboxState)99).ToWire());
    }

    [Fact]
    public void ToWire_UndefinedType_ThrowsArgumentOutOfRange()
    {
        // Act / Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => ((SandboxType)99).ToWire());
    }

    [Fact]
    public void Types_RoundTripThroughParseType()
    {
        // Act
        var parsed = SandboxWireNames.Types.Select(SandboxWireNames.ParseType).ToList();

        // Assert
        Assert.Equal(["production", "development"], SandboxWireNames.Types);
        Assert.Equal([SandboxType.Production, SandboxType.Development], parsed.Select(t => t!.Value));
        Assert.Equal(SandboxWireNames.Types, parsed.Select(t => t!.Value.ToWire()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Production")]
    [InlineData("prod")]
    public void ParseType_Unknown_ReturnsNull(string? value)
    {
        // Act
        var type = SandboxWireNames.ParseType(value);

        // Assert
        Assert.Null(type);
    }
}

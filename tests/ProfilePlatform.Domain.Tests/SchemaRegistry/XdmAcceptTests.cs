using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.SchemaRegistry;

namespace ProfilePlatform.Domain.Tests.SchemaRegistry;

public sealed class XdmAcceptTests
{
    [Theory]
    [InlineData("application/vnd.adobe.xed-id+json", XdmAcceptVariant.Id)]
    [InlineData("application/vnd.adobe.xed+json", XdmAcceptVariant.Raw)]
    [InlineData("APPLICATION/VND.ADOBE.XED+JSON", XdmAcceptVariant.Raw)]
    public void ForList_ListVariants_Parse(string accept, XdmAcceptVariant variant)
    {
        // Act
        var sut = XdmAccept.ForList(accept);

        // Assert
        Assert.Equal(variant, sut.Variant);
        Assert.Null(sut.Version);
    }

    [Theory]
    [InlineData("application/vnd.adobe.xed+json;version=1")]
    [InlineData("application/vnd.adobe.xed-full+json")]
    [InlineData("application/json")]
    [InlineData(null)]
    public void ForList_VersionOrOtherVariant_ThrowsXdm1006(string? accept)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => XdmAccept.ForList(accept));

        // Assert
        Assert.Same(ErrorCatalog.SchemaRegistry.AcceptInvalidList, ex.Error);
    }

    [Theory]
    [InlineData("application/vnd.adobe.xed+json; version=1", XdmAcceptVariant.Raw, 1)]
    [InlineData("application/vnd.adobe.xed+json;version=2", XdmAcceptVariant.Raw, 2)]
    [InlineData("application/vnd.adobe.xed-full+json; version=1", XdmAcceptVariant.Full, 1)]
    [InlineData("application/vnd.adobe.xed-notext+json; version=1", XdmAcceptVariant.RawNoText, 1)]
    [InlineData("application/vnd.adobe.xed-full-notext+json; version=1", XdmAcceptVariant.FullNoText, 1)]
    [InlineData("application/vnd.adobe.xed-full-desc+json; version=1", XdmAcceptVariant.FullWithDescriptors, 1)]
    [InlineData("application/vnd.adobe.xed-deprecatefield+json; version=1", XdmAcceptVariant.DeprecatedFields, 1)]
    public void ForLookup_VersionedVariants_Parse(string accept, XdmAcceptVariant variant, int version)
    {
        // Act
        var sut = XdmAccept.ForLookup(accept);

        // Assert
        Assert.Equal(variant, sut.Variant);
        Assert.Equal(version, sut.Version);
    }

    [Theory]
    [InlineData("application/vnd.adobe.xed+json")]
    [InlineData("application/vnd.adobe.xed-id+json; version=1")]
    [InlineData("application/vnd.adobe.xed+json; version=0")]
    [InlineData("application/vnd.adobe.xed+json; version=abc")]
    [InlineData("application/vnd.adobe.xed-unknown+json; version=1")]
    public void ForLookup_NoVersionOrUnknownVariant_ThrowsXdm1007NamingTheHeader(string accept)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => XdmAccept.ForLookup(accept));

        // Assert
        Assert.Same(ErrorCatalog.SchemaRegistry.AcceptInvalidLookup, ex.Error);
        Assert.Contains(accept, ex.Message, StringComparison.Ordinal);
    }
}

using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.SchemaRegistry.Descriptors;

namespace ProfilePlatform.Domain.Tests.SchemaRegistry.Descriptors;

public sealed class XdmDescriptorAcceptTests
{
    [Theory]
    [InlineData("application/vnd.adobe.xdm-id+json", XdmDescriptorForm.Ids, false)]
    [InlineData("application/vnd.adobe.xdm-link+json", XdmDescriptorForm.Links, false)]
    [InlineData("application/vnd.adobe.xdm+json", XdmDescriptorForm.Objects, false)]
    [InlineData("application/vnd.adobe.xdm-v2+json", XdmDescriptorForm.Objects, true)]
    [InlineData("application/vnd.adobe.xdm-v2-id+json", XdmDescriptorForm.Ids, true)]
    [InlineData("application/vnd.adobe.xdm-v2-link+json", XdmDescriptorForm.Links, true)]
    [InlineData("Application/VND.adobe.XDM+json; charset=utf-8", XdmDescriptorForm.Objects, false)]
    [InlineData("application/vnd.adobe.xdm+json, application/json", XdmDescriptorForm.Objects, false)]
    public void ForList_DescriptorMediaType_GivesFormAndPaging(string accept, XdmDescriptorForm form, bool paged)
    {
        // Act
        var sut = XdmDescriptorAccept.ForList(accept);

        // Assert
        Assert.Equal(form, sut.Form);
        Assert.Equal(paged, sut.Paged);
    }

    [Theory]
    [InlineData("application/vnd.adobe.xed+json")]
    [InlineData("application/vnd.adobe.xed-id+json")]
    [InlineData("application/vnd.adobe.xdm+json; version=1")]
    [InlineData("application/vnd.adobe.xdm-full+json")]
    [InlineData("application/json")]
    [InlineData("*/*")]
    [InlineData("")]
    [InlineData(null)]
    public void ForList_OtherAccept_IsXdm1008NamingTheValidForm(string? accept)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => XdmDescriptorAccept.ForList(accept));

        // Assert
        Assert.Equal(ErrorCatalog.SchemaRegistry.AcceptInvalidDescriptorList, ex.Error);
        Assert.Equal("XDM-1008-400", ex.Error.Code);
        Assert.Contains("application/vnd.adobe.xdm-id+json", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/vnd.adobe.xed+json;version=1")]
    [InlineData("application/vnd.adobe.xed-full+json; version=1")]
    public void CheckLookup_XedAccept_IsXdm1009(string accept)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => XdmDescriptorAccept.CheckLookup(accept));

        // Assert
        Assert.Equal("XDM-1009-400", ex.Error.Code);
        Assert.Contains("application/vnd.adobe.xdm+json", ex.Message, StringComparison.Ordinal);
        Assert.Contains(accept, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("application/json")]
    [InlineData("*/*")]
    [InlineData("application/vnd.adobe.xdm+json")]
    public void CheckLookup_NoneOrAnyNonXed_IsFine(string? accept)
    {
        // Act / Assert: no exception
        XdmDescriptorAccept.CheckLookup(accept);
    }
}

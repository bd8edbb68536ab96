using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.Tests.Errors;

public sealed partial class ErrorCatalogTests
{
    /// <summary>Codes that several Generic entries share on purpose: AEP's generic body carries no code of its own,
    /// so the code is just the status, and two causes of a 400 both send "400".</summary>
    private static readonly Dictionary<string, string[]> DocumentedSharedGenericCodes = new(StringComparer.Ordinal)
    {
        ["400"] = ["Catalog.InvalidObject", "Catalog.InvalidQuery", "Catalog.ProfileSchemaInvalid", "Common.BadRequest", "Common.ContentTypeMissing",
            "Ingestion.BatchNotLoading", "Ingestion.InvalidFile", "Ingestion.InvalidRequest"],
        ["404"] = ["Catalog.NotFound", "Common.NotFound", "Ingestion.NotFound"],
        ["413"] = ["Common.PayloadTooLarge", "Ingestion.TooLarge"],
    };

    public static TheoryData<string> EntryNames => [.. Entries().Select(e => e.Name)];

    [Fact]
    public void Catalogue_Reflection_FindsEveryNestedClassAndKind()
    {
        // Act
        var entries = Entries();

        // Assert
        Assert.Equal(
            ["Catalog", "Common", "FlowService", "Gateway", "Identity", "Ims", "Ingestion", "Profile", "ProfileSystemJobs", "Sandboxes", "SchemaRegistry", "Streaming"],
            entries.Select(e => e.Name.Split('.')[0]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        Assert.Equal(Enum.GetValues<AepErrorKind>().Order(), entries.Select(e => e.Error.Kind).Distinct().Order());
        Assert.True(entries.Count >= 29, $"only {entries.Count} entries found");
    }

    [Theory]
    [InlineData("Catalog", AepErrorKind.Generic)]
    [InlineData("Common", AepErrorKind.Generic)]
    [InlineData("Ingestion", AepErrorKind.Generic)]
    [InlineData("Gateway", AepErrorKind.Gateway)]
    [InlineData("Identity", AepErrorKind.Service)]
    [InlineData("Ims", AepErrorKind.Ims)]
    [InlineData("Profile", AepErrorKind.Service)]
    [InlineData("ProfileSystemJobs", AepErrorKind.Service)]
    [InlineData("Sandboxes", AepErrorKind.Service)]
    [InlineData("SchemaRegistry", AepErrorKind.Service)]
    [InlineData("FlowService", AepErrorKind.Service)]
    [InlineData("Streaming", AepErrorKind.Service)]
    public void Catalogue_NestedClass_HoldsOnlyItsKind(string nestedClass, AepErrorKind kind)
    {
        // Act
        var entries = Entries().Where(e => e.Name.StartsWith(nestedClass + ".", StringComparison.Ordinal)).ToList();

        // Assert
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Equal(kind, e.Error.Kind));
    }

    [Theory]
    [InlineData(AepErrorKind.Gateway)]
    [InlineData(AepErrorKind.Ims)]
    [InlineData(AepErrorKind.Service)]
    public void Catalogue_CodedKind_CodesAreUnique(AepErrorKind kind)
    {
        // Act
        var duplicates = Entries()
            .Where(e => e.Error.Kind == kind)
            .GroupBy(e => e.Error.Code, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Name))}")
            .ToList();

        // Assert
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Catalogue_GenericKind_SharesOnlyDocumentedCodes()
    {
        // Act
        var shared = Entries()
            .Where(e => e.Error.Kind == AepErrorKind.Generic)
            .GroupBy(e => e.Error.Code, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Name).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

        // Assert
        Assert.Equal(DocumentedSharedGenericCodes.Keys.Order(StringComparer.Ordinal), shared.Keys.Order(StringComparer.Ordinal));
        foreach (var (code, names) in DocumentedSharedGenericCodes)
        {
            Assert.Equal(names.Order(StringComparer.Ordinal), shared[code]);
        }
    }

    [Fact]
    public void Catalogue_SameCodeInSameKind_HasSameStatusAndTitle()
    {
        // Act
        var inconsistent = Entries()
            .GroupBy(e => (e.Error.Kind, e.Error.Code))
            .Where(g => g.Select(e => (e.Error.Status, e.Error.Title)).Distinct().Count() > 1)
            .Select(g => g.Key.Code)
            .ToList();

        // Assert
        Assert.Empty(inconsistent);
    }

    [Theory]
    [MemberData(nameof(EntryNames))]
    public void Entry_Status_Is4xxOr5xx(string name)
    {
        // Arrange
        var error = Find(name);

        // Act / Assert
        Assert.InRange(error.Status, 400, 599);
    }

    [Theory]
    [MemberData(nameof(EntryNames))]
    public void Entry_CodeAndTitle_AreNonEmptyAndTrimmed(string name)
    {
        // Arrange
        var error = Find(name);

        // Act / Assert
        Assert.False(string.IsNullOrWhiteSpace(error.Code));
        Assert.Equal(error.Code.Trim(), error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Title));
        Assert.Equal(error.Title.Trim(), error.Title);
    }

    [Fact]
    public void ServiceEntries_Code_MatchesPatternAndEndsWithStatus()
    {
        // Arrange: Identity Service's codes are the spec's constants instead (see the next test), and Profile's
        // documented UPS-MRG-1000001 (profile.yaml's ResponseErrorContext example) is AEP's own spelling
        var service = Entries()
            .Where(e => e.Error.Kind == AepErrorKind.Service && !e.Name.StartsWith("Identity.", StringComparison.Ordinal) && e.Name != "Profile.IdentitiesNotRetrievable")
            .ToList();

        // Act / Assert
        Assert.NotEmpty(service);
        Assert.All(service, e =>
        {
            var match = ServiceCode().Match(e.Error.Code);
            Assert.True(match.Success, $"{e.Name}: '{e.Error.Code}' is not PREFIX-NNNN-SSS");
            Assert.Equal(e.Error.Status, int.Parse(match.Groups["status"].Value, CultureInfo.InvariantCulture));
        });
    }

    [Theory]
    [InlineData("NamespaceInvalid", "INVALID_REQUEST_PARAMS", 400)]
    [InlineData("NamespaceCodeExists", "INTEGRATION_CODE_EXISTS", 409)]
    [InlineData("NamespaceNotFound", "NAMESPACE_NOT_FOUND", 404)]
    [InlineData("InvalidInput", "InvalidInput", 400)]
    public void IdentityEntries_Code_IsTheSpecsConstant(string field, string code, int status)
    {
        // Act: identity-service.yaml's report.code / error values and the identity API's title
        var error = Find("Identity." + field);

        // Assert
        Assert.Equal(code, error.Code);
        Assert.Equal(status, error.Status);
    }

    [Fact]
    public void ProfileEntries_Code_UsesUpsPrefix()
    {
        // Arrange
        var profile = Entries().Where(e => e.Name.StartsWith("Profile.", StringComparison.Ordinal) || e.Name.StartsWith("ProfileSystemJobs.", StringComparison.Ordinal)).ToList();

        // Act / Assert
        Assert.NotEmpty(profile);
        Assert.All(profile, e => Assert.StartsWith("UPS-", e.Error.Code, StringComparison.Ordinal));
    }

    [Fact]
    public void SandboxEntries_Code_UsesSmsPrefix()
    {
        // Arrange
        var sandboxes = Entries().Where(e => e.Name.StartsWith("Sandboxes.", StringComparison.Ordinal)).ToList();

        // Act / Assert
        Assert.All(sandboxes, e => Assert.StartsWith("SMS-", e.Error.Code, StringComparison.Ordinal));
    }

    [Fact]
    public void GatewayEntries_Code_IsSixDigitsStartingWithStatusExceptDocumentedTokenMissing()
    {
        // Arrange
        var gateway = Entries().Where(e => e.Error.Kind == AepErrorKind.Gateway).ToList();

        // Act / Assert
        Assert.NotEmpty(gateway);
        Assert.All(gateway, e =>
        {
            Assert.Matches(SixDigits(), e.Error.Code);
            if (!ReferenceEquals(e.Error, ErrorCatalog.Gateway.TokenMissing))
            {
                Assert.Equal(e.Error.Status.ToString(CultureInfo.InvariantCulture), e.Error.Code[..3]);
            }
        });
    }

    [Fact]
    public void GatewayTokenMissing_Is403CodedButSent401_AsTheDocTableSays()
    {
        // Act
        var error = ErrorCatalog.Gateway.TokenMissing;

        // Assert
        Assert.Equal("403010", error.Code);
        Assert.Equal(401, error.Status);
    }

    [Theory]
    [InlineData("TokenMissing", "403010", 401, "Oauth token is missing.")]
    [InlineData("TokenInvalid", "401013", 401, "Oauth token is not valid")]
    [InlineData("ApiKeyMissing", "403000", 403, "Api Key is required")]
    [InlineData("ApiKeyInvalid", "403003", 403, "Api Key is invalid")]
    [InlineData("OrgHeaderMissing", "400003", 400, "Missing header")]
    [InlineData("OrgNotEntitled", "403025", 403, "Profile is not valid")]
    public void GatewayEntry_CodeAndMessage_AreAepDocsVerbatim(string field, string code, int status, string message)
    {
        // Arrange
        var error = Find("Gateway." + field);

        // Act
        var ex = new AepException(error);

        // Assert
        Assert.Equal(code, error.Code);
        Assert.Equal(status, error.Status);
        Assert.Equal(message, error.Title);
        Assert.Equal(message, ex.Message);
        Assert.Equal(AepErrorKind.Gateway, error.Kind);
    }

    [Fact]
    public void ImsEntries_Code_IsOAuthSnakeCaseEqualToTitle()
    {
        // Arrange
        var ims = Entries().Where(e => e.Error.Kind == AepErrorKind.Ims).ToList();

        // Act / Assert
        Assert.NotEmpty(ims);
        Assert.All(ims, e =>
        {
            Assert.Matches(SnakeCase(), e.Error.Code);
            Assert.Equal(e.Error.Code, e.Error.Title);
            Assert.Equal(e.Error.Code == "invalid_client" ? 401 : 400, e.Error.Status);
        });
    }

    [Fact]
    public void GenericEntries_Code_IsStatusAndTitleEndsWithError()
    {
        // Arrange
        var generic = Entries().Where(e => e.Error.Kind == AepErrorKind.Generic).ToList();

        // Act / Assert
        Assert.NotEmpty(generic);
        Assert.All(generic, e =>
        {
            Assert.Equal(e.Error.Status.ToString(CultureInfo.InvariantCulture), e.Error.Code);
            Assert.EndsWith("Error", e.Error.Title, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void GenericEntries_TypeUri_IsPlaceholder()
    {
        // Act / Assert
        Assert.All(
            Entries().Where(e => e.Error.Kind == AepErrorKind.Generic),
            e => Assert.Equal("/placeholder/type/uri", e.Error.TypeUri));
    }

    [Fact]
    public void ServiceEntries_TypeUri_IsHttpNsAdobeWithCode()
    {
        // Act / Assert
        Assert.All(
            Entries().Where(e => e.Error.Kind == AepErrorKind.Service),
            e => Assert.Equal((e.Error.Code.StartsWith("FLOW-", StringComparison.Ordinal) ? "https" : "http") + "://ns.adobe.com/aep/errors/" + e.Error.Code, e.Error.TypeUri));
    }

    [Theory]
    [InlineData("FLOW-1002-400", "https://ns.adobe.com/aep/errors/FLOW-1002-400")]
    [InlineData("XDM-1010-404", "http://ns.adobe.com/aep/errors/XDM-1010-404")]
    [InlineData("SMS-2074-400", "http://ns.adobe.com/aep/errors/SMS-2074-400")]
    [InlineData("flow-1002-400", "http://ns.adobe.com/aep/errors/flow-1002-400")]
    public void TypeUri_ServiceCode_UsesHttpsOnlyForFlow(string code, string expected)
    {
        // Arrange
        var sut = new AepError(code, 400, "Title");

        // Act
        var uri = sut.TypeUri;

        // Assert
        Assert.Equal(expected, uri);
    }

    [Fact]
    public void TypeUri_GenericKindEvenWithFlowCode_IsPlaceholder()
    {
        // Arrange
        var sut = new AepError("FLOW-1002-400", 400, "BadRequestError", AepErrorKind.Generic);

        // Act / Assert
        Assert.Equal("/placeholder/type/uri", sut.TypeUri);
    }

    [Fact]
    public void AepError_DefaultKind_IsService()
    {
        // Act
        var sut = new AepError("XDM-1000-400", 400, "Title");

        // Assert
        Assert.Equal(AepErrorKind.Service, sut.Kind);
    }

    [Fact]
    public void SandboxNotFound_IsGateway404()
    {
        // Act
        var error = ErrorCatalog.Gateway.SandboxNotFound;

        // Assert
        Assert.Equal(404, error.Status);
        Assert.Equal(AepErrorKind.Gateway, error.Kind);
        Assert.NotEqual(ErrorCatalog.Sandboxes.NotFound.Code, error.Code);
    }

    private static List<(string Name, AepError Error)> Entries() =>
        [.. typeof(ErrorCatalog)
            .GetNestedTypes(BindingFlags.Public)
            .SelectMany(type => type
                .GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(AepError))
                .Select(f => ($"{type.Name}.{f.Name}", (AepError)f.GetValue(null)!)))
            .OrderBy(e => e.Item1, StringComparer.Ordinal)];

    private static AepError Find(string name) => Entries().Single(e => e.Name == name).Error;

    [GeneratedRegex(@"^[A-Z]+-[0-9]{4}-(?<status>[0-9]{3})\z")]
    private static partial Regex ServiceCode();

    [GeneratedRegex(@"^[0-9]{6}\z")]
    private static partial Regex SixDigits();

    [GeneratedRegex(@"^[a-z]+(_[a-z]+)*\z")]
    private static partial Regex SnakeCase();
}
